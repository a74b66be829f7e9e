import type { HandlersFor } from "../router";
import type { CatalogService } from "./catalog-service";

export function catalogHandlers(catalog: CatalogService): HandlersFor<"catalog"> {
  return {
    "catalog.list": () => catalog.list(),
  };
}
