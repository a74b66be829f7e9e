import type { HandlersFor } from "../router";
import type { LibraryService } from "./library-service";

export function libraryHandlers(library: LibraryService): HandlersFor<"library"> {
  return {
    "library.list": ({ offset, limit }) => library.list(offset, limit),
    "library.get": ({ id }) => library.get(id),
    "library.read": ({ id, variant }) => library.read(id, variant),
    "library.delete": ({ id }) => library.delete(id),
    "library.reveal": ({ id }) => library.reveal(id),
  };
}
