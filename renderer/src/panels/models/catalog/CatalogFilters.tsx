import { useId } from "react";
import { MODEL_FAMILIES, modelFamilySchema } from "../../../../../shared/families";
import { FAMILY_LABELS } from "../library-labels";
import type { CatalogFilter } from "./catalog-filter";

interface CatalogFiltersProps {
  filter: CatalogFilter;
  onChange(patch: Partial<CatalogFilter>): void;
}

export function CatalogFilters({ filter, onChange }: CatalogFiltersProps) {
  const id = useId();
  return (
    <div className="catalog-filters" role="group" aria-label="Filter the catalog">
      <div className="field catalog-search">
        <label htmlFor={`${id}-search`}>Search models</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filter.query}
          placeholder="Name, task or license"
          onChange={(event) => onChange({ query: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-family`}>Family</label>
        <select
          id={`${id}-family`}
          value={filter.family}
          onChange={(event) => {
            const family = modelFamilySchema.safeParse(event.target.value);
            onChange({ family: family.success ? family.data : "all" });
          }}
        >
          <option value="all">All families</option>
          {MODEL_FAMILIES.map((family) => (
            <option key={family} value={family}>
              {FAMILY_LABELS[family]}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={filter.installedOnly} onChange={(event) => onChange({ installedOnly: event.target.checked })} />
        Installed only
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={filter.fitsOnly} onChange={(event) => onChange({ fitsOnly: event.target.checked })} />
        Fits this machine
      </label>
    </div>
  );
}
