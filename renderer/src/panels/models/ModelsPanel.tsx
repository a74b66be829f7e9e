import { useMemo } from "react";
import { Tabs, type TabSpec } from "../../components/Tabs";
import { useApp } from "../../store/context";
import { activeDownloadTotals } from "../../store/downloads-slice";
import type { ModelsTab } from "../../store/ui-slice";
import { CatalogTab } from "./catalog/CatalogTab";
import { DownloadsTab } from "./downloads/DownloadsTab";
import { HubSearchTab } from "./hub/HubSearchTab";
import { InstalledTab } from "./installed/InstalledTab";

function TabPanel({ tab }: { tab: ModelsTab }) {
  switch (tab) {
    case "catalog":
      return <CatalogTab />;
    case "hub":
      return <HubSearchTab />;
    case "installed":
      return <InstalledTab />;
    case "downloads":
      return <DownloadsTab />;
  }
}

/** The model library: curated catalog, Hugging Face search, installed models and downloads. */
export function ModelsPanel() {
  const tab = useApp((s) => s.modelsTab);
  const showModelsTab = useApp((s) => s.showModelsTab);
  const downloads = useApp((s) => s.downloads);
  const active = useMemo(() => activeDownloadTotals(downloads).count, [downloads]);
  const tabs: TabSpec<ModelsTab>[] = [
    { id: "catalog", label: "Catalog" },
    { id: "hub", label: "Search Hugging Face" },
    { id: "installed", label: "Installed" },
    {
      id: "downloads",
      label: (
        <>
          Downloads
          {active > 0 && (
            <span className="badge">
              <span className="visually-hidden">, </span>
              {active}
              <span className="visually-hidden"> active</span>
            </span>
          )}
        </>
      ),
    },
  ];
  return (
    <section className="panel-content models-panel" aria-labelledby="models-title">
      <h1 id="models-title">Models</h1>
      <Tabs label="Model library" tabs={tabs} selected={tab} onSelect={showModelsTab} renderPanel={(id) => <TabPanel tab={id} />} />
    </section>
  );
}
