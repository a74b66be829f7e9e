import { MODEL_FAMILIES, type ModelFamily } from "../../../../../shared/families";
import type { CatalogItem } from "../../../../../shared/library";
import type { ModelInfo } from "../../../../../shared/models";
import { FAMILY_LABELS, fitsThisMachine } from "../library-labels";

export interface CatalogFilter {
  query: string;
  family: ModelFamily | "all";
  installedOnly: boolean;
  fitsOnly: boolean;
}

export const NO_FILTER: CatalogFilter = { query: "", family: "all", installedOnly: false, fitsOnly: false };

/** Installed per the models list when it is known (it follows deletes live), else per the catalog's own flag. */
export function installedIds(catalog: CatalogItem[], models: ModelInfo[] | null): Set<string> {
  if (!models) return new Set(catalog.filter((item) => item.installed).map((item) => item.id));
  const ids = new Set<string>();
  for (const model of models) {
    ids.add(model.id);
    if (model.source?.catalogId) ids.add(model.source.catalogId);
  }
  return new Set(catalog.filter((item) => ids.has(item.id)).map((item) => item.id));
}

function searchableText(item: CatalogItem): string {
  return [item.name, item.description, item.repo, item.license, FAMILY_LABELS[item.family], item.family, ...item.tags].join(" ").toLowerCase();
}

/** Every word of the query must appear somewhere in the entry. */
export function matchesQuery(item: CatalogItem, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchableText(item);
  return words.every((word) => text.includes(word));
}

export function filterCatalog(items: CatalogItem[], filter: CatalogFilter, installed: Set<string>): CatalogItem[] {
  return items.filter(
    (item) =>
      (filter.family === "all" || item.family === filter.family) &&
      (!filter.installedOnly || installed.has(item.id)) &&
      (!filter.fitsOnly || fitsThisMachine(item.fit)) &&
      matchesQuery(item, filter.query),
  );
}

/** Entries grouped in the app's family order; families with no entry are left out. */
export function groupByFamily(items: CatalogItem[]): { family: ModelFamily; items: CatalogItem[] }[] {
  return MODEL_FAMILIES.map((family) => ({ family, items: items.filter((item) => item.family === family) })).filter(
    (group) => group.items.length > 0,
  );
}

/** The download size: the host's total, else the sum of the listed sizes when every file has one. */
export function catalogSize(item: CatalogItem): number | undefined {
  if (item.totalBytes !== undefined) return item.totalBytes;
  let total = 0;
  for (const file of item.files) {
    if (file.size === undefined) return undefined;
    total += file.size;
  }
  return total;
}
