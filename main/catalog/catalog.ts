import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../shared/errors";
import { catalogSchema, type CatalogEntry } from "../../shared/library";

/** The curated models by id, as the downloads and the Models panel use them. */
export interface CatalogLookup {
  /** Throws NOT_FOUND for an id the catalog does not have. */
  get(id: string): CatalogEntry;
  list(): readonly CatalogEntry[];
}

/** `resources/catalog.json` next to the build output (`out/main` → the app root). */
export function defaultCatalogFile(workerDir: string): string {
  return path.resolve(workerDir, "..", "..", "resources", "catalog.json");
}

/** Validates a parsed catalog: the schema, then unique ids and unique file paths per entry. */
export function parseCatalog(value: unknown, source = "catalog"): CatalogEntry[] {
  const parsed = catalogSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("INTERNAL", `The model catalog (${source}) is invalid: ${z.prettifyError(parsed.error).slice(0, 500)}`);
  }
  const ids = new Set<string>();
  for (const entry of parsed.data.models) {
    if (ids.has(entry.id)) throw new AppError("INTERNAL", `The model catalog lists "${entry.id}" twice.`);
    ids.add(entry.id);
    const paths = entry.files.map((file) => file.path);
    if (new Set(paths).size !== paths.length) throw new AppError("INTERNAL", `Catalog entry "${entry.id}" lists a file twice.`);
  }
  return parsed.data.models;
}

export function createCatalogLookup(entries: readonly CatalogEntry[]): CatalogLookup {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return {
    get(id) {
      const entry = byId.get(id);
      if (!entry) throw new AppError("NOT_FOUND", `The catalog has no model "${id}".`);
      return entry;
    },
    list: () => entries,
  };
}

/** Reads and validates the catalog once; a broken catalog is a packaging error, reported as INTERNAL. */
export async function loadCatalog(file: string): Promise<CatalogLookup> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new AppError("INTERNAL", `The model catalog could not be read from ${file}: ${String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError("INTERNAL", `The model catalog ${file} is not valid JSON: ${String(error)}`);
  }
  return createCatalogLookup(parseCatalog(value, file));
}
