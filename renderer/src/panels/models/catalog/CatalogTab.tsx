import { useId, useMemo, useState } from "react";
import { useApp } from "../../../store/context";
import { unfinishedDownload } from "../../../store/downloads-slice";
import { FAMILY_LABELS } from "../library-labels";
import { MachineSummary } from "../MachineSummary";
import { CatalogCard } from "./CatalogCard";
import { CatalogFilters } from "./CatalogFilters";
import { filterCatalog, groupByFamily, installedIds, NO_FILTER, type CatalogFilter } from "./catalog-filter";

/** The curated models, by family, with search and filters. */
export function CatalogTab() {
  const catalog = useApp((s) => s.catalog);
  const catalogKnown = useApp((s) => s.catalogKnown);
  const models = useApp((s) => s.models);
  const modelsKnown = useApp((s) => s.modelsKnown);
  const downloads = useApp((s) => s.downloads);
  const headingId = useId();
  const [filter, setFilter] = useState<CatalogFilter>(NO_FILTER);
  const installed = useMemo(() => installedIds(catalog, modelsKnown ? models : null), [catalog, models, modelsKnown]);
  const groups = useMemo(() => groupByFamily(filterCatalog(catalog, filter, installed)), [catalog, filter, installed]);

  return (
    <div className="catalog">
      <MachineSummary />
      <CatalogFilters filter={filter} onChange={(patch) => setFilter((current) => ({ ...current, ...patch }))} />
      {!catalogKnown ? (
        <p className="muted">Loading the catalog…</p>
      ) : groups.length === 0 ? (
        <p role="status">{catalog.length === 0 ? "The catalog is empty." : "No models match these filters."}</p>
      ) : (
        groups.map(({ family, items }) => (
          <section key={family} className="catalog-family" aria-labelledby={`${headingId}-${family}`}>
            <h2 id={`${headingId}-${family}`}>{FAMILY_LABELS[family]}</h2>
            <ul className="catalog-grid">
              {items.map((item) => (
                <li key={item.id}>
                  <CatalogCard
                    item={item}
                    installed={installed.has(item.id)}
                    download={unfinishedDownload(downloads, (d) => d.modelId === item.id)}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
