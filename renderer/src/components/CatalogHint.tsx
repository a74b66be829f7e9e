import type { ReactNode } from "react";
import { useApp } from "../store/context";

/** Says which models are missing, with a button that opens the catalog in the Models panel. */
export function CatalogHint({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  const showPanel = useApp((s) => s.showPanel);
  const showModelsTab = useApp((s) => s.showModelsTab);
  const openCatalog = () => {
    showModelsTab("catalog");
    showPanel("models");
  };
  return (
    <div id={id} className={className ? `hint ${className}` : "hint"}>
      <p>{children}</p>
      <button type="button" onClick={openCatalog}>
        Open the model catalog
      </button>
    </div>
  );
}
