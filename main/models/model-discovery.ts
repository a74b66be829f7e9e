import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { slugify } from "../../shared/ids";
import type { ModelInfo } from "../../shared/models";
import type { Logger } from "../log/types";
import { readGgufSummary, type GgufSummary } from "./gguf-metadata";
import type { ModelManifest } from "./manifest";
import { modelInfoFromManifest, readManifest } from "./manifest-model";

/** Split models list only their first part ("-00001-of-00003.gguf"). */
const LATER_SPLIT_PART = /-(\d{5})-of-\d{5}\.gguf$/i;
/** Work in progress (downloads, imports) and hidden entries are never models. */
const UNFINISHED = /\.(installing|importing|part|tmp)$/i;

/** How a model is held on disk, which decides what deleting it removes. */
export type ModelLocation =
  | { kind: "manifest"; folder: string; manifest: ModelManifest }
  | { kind: "file"; file: string };

export interface DiscoveredModel {
  info: ModelInfo;
  location: ModelLocation;
  /** The scanned folder it was found in. */
  scannedRoot: string;
}

type Found = { info: Omit<ModelInfo, "id">; baseId: string; location: ModelLocation; scannedRoot: string };

/**
 * Finds models in the given folders: folders with a manifest.json (downloads, imports;
 * any family), and plain `.gguf` files at the top level or one folder down, following
 * symlinks. Unfinished installs and unreadable files are left out (and logged).
 */
export class ModelDiscovery {
  /** Headers already read, by path + size + mtime, so rescans only read new files. */
  private readonly summaries = new Map<string, GgufSummary>();

  constructor(private readonly logger: Logger) {}

  async scan(roots: readonly string[]): Promise<DiscoveredModel[]> {
    const found: Found[] = [];
    for (const root of roots) found.push(...(await this.scanRoot(root)));
    // Manifest models first: their ids are their folder names and must not move.
    found.sort((a, b) => Number(a.location.kind === "file") - Number(b.location.kind === "file"));
    const taken = new Set<string>();
    return found.map(({ info, baseId, location, scannedRoot }) => ({ info: { id: uniqueId(baseId, taken), ...info }, location, scannedRoot }));
  }

  private async scanRoot(root: string): Promise<Found[]> {
    const found: Found[] = [];
    for (const name of await listNames(root)) {
      if (name.startsWith(".") || UNFINISHED.test(name)) continue;
      const full = path.join(root, name);
      const info = await statOrUndefined(full);
      if (info?.isFile() && isModelFileName(name)) {
        const model = await this.plainGguf(full, info.size);
        if (model) found.push({ ...model, scannedRoot: root });
      } else if (info?.isDirectory()) {
        found.push(...(await this.scanFolder(root, full)));
      }
    }
    return found;
  }

  private async scanFolder(root: string, folder: string): Promise<Found[]> {
    const manifest = await readManifest(folder);
    if (manifest.kind === "invalid") {
      this.skip(folder, `its manifest.json is invalid: ${manifest.reason}`);
      return [];
    }
    if (manifest.kind === "ok") {
      try {
        const info = await modelInfoFromManifest(folder, manifest.manifest, (file) => this.summarize(file));
        return [{ info, baseId: manifest.manifest.id, location: { kind: "manifest", folder, manifest: manifest.manifest }, scannedRoot: root }];
      } catch (error) {
        this.skip(folder, error instanceof Error ? error.message : String(error));
        return [];
      }
    }
    const found: Found[] = [];
    for (const name of await listNames(folder)) {
      if (name.startsWith(".") || !isModelFileName(name)) continue;
      const full = path.join(folder, name);
      const info = await statOrUndefined(full);
      const model = info?.isFile() ? await this.plainGguf(full, info.size) : undefined;
      if (model) found.push({ ...model, scannedRoot: root });
    }
    return found;
  }

  private async plainGguf(file: string, sizeBytes: number): Promise<Omit<Found, "scannedRoot"> | undefined> {
    try {
      const summary = await this.summarize(file);
      const base = path.basename(file).replace(/\.gguf$/i, "");
      const info = { name: base, family: "llm" as const, format: "gguf" as const, path: file, sizeBytes, ...summary };
      return { info, baseId: slugify(base), location: { kind: "file", file } };
    } catch (error) {
      this.skip(file, `not a readable GGUF model (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
  }

  private async summarize(file: string): Promise<GgufSummary> {
    const info = await stat(file);
    const key = `${file}\0${info.size}\0${info.mtimeMs}`;
    const known = this.summaries.get(key);
    if (known) return known;
    const summary = await readGgufSummary(file);
    this.summaries.set(key, summary);
    return summary;
  }

  private skip(where: string, reason: string): void {
    this.logger.log("warn", "models", `Skipped ${where}: ${reason}`, { reason });
  }
}

function isModelFileName(name: string): boolean {
  if (name.startsWith(".") || !name.toLowerCase().endsWith(".gguf")) return false;
  const split = LATER_SPLIT_PART.exec(name);
  return !split || split[1] === "00001";
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 120)}-${n}`;
  taken.add(id);
  return id;
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort((a, b) => a.localeCompare(b));
  } catch {
    return [];
  }
}

/** stat follows symlinks; a dangling link or unreadable entry is simply not a candidate. */
async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}
