import type { CatalogEntry, CatalogItem } from "../../shared/library";
import type { Settings } from "../../shared/settings";
import { fitFromTotal } from "../hardware/fit-estimate";
import type { MachineBudget } from "../hardware/memory-budget";
import type { CatalogLookup } from "./catalog";

/** An installed model's origin, from its manifest. */
export interface InstalledSource {
  catalogId?: string;
  repo: string;
  revision: string;
  files: string[];
}

export interface CatalogServiceDeps {
  catalog: CatalogLookup;
  installedSources: () => Promise<InstalledSource[]>;
  budget: () => Promise<MachineBudget>;
  settings: () => Settings;
}

/** Installed: a manifest names this entry, or holds every one of its files from the same repo and revision. */
export function isInstalled(entry: CatalogEntry, sources: readonly InstalledSource[]): boolean {
  return sources.some(
    (source) =>
      source.catalogId === entry.id ||
      (source.repo === entry.repo &&
        source.revision === entry.revision &&
        entry.files.every((file) => source.files.includes(file.path))),
  );
}

export function totalBytesOf(entry: CatalogEntry): number | undefined {
  let total = 0;
  for (const file of entry.files) {
    if (file.size === undefined) return undefined;
    total += file.size;
  }
  return total;
}

export function sourceUrlOf(entry: CatalogEntry, hubEndpoint: string): string {
  return `${hubEndpoint.replace(/\/+$/, "")}/${entry.repo}/tree/${encodeURIComponent(entry.revision)}`;
}

/** `catalog.list`: every curated model with whether it is installed, its download size, its fit here and its source. */
export class CatalogService {
  constructor(private readonly deps: CatalogServiceDeps) {}

  async list(): Promise<CatalogItem[]> {
    const [sources, budget] = await Promise.all([this.deps.installedSources(), this.deps.budget()]);
    const endpoint = this.deps.settings().hub.endpoint;
    return this.deps.catalog.list().map((entry) => {
      const totalBytes = totalBytesOf(entry);
      return {
        ...entry,
        installed: isInstalled(entry, sources),
        ...(totalBytes === undefined ? {} : { totalBytes }),
        fit: fitFromTotal(Math.max(entry.memory.ram, entry.memory.vram), entry.format, budget),
        sourceUrl: sourceUrlOf(entry, endpoint),
      };
    });
  }
}
