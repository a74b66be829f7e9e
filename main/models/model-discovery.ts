import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { slugify } from "../../shared/ids";
import type { ModelInfo } from "../../shared/models";
import type { Logger } from "../log/types";
import { readGgufSummary, type GgufSummary } from "./gguf-metadata";

/** Split models list only their first part ("-00001-of-00003.gguf"). */
const LATER_SPLIT_PART = /-(\d{5})-of-\d{5}\.gguf$/i;

interface Candidate {
  file: string;
  sizeBytes: number;
  mtimeMs: number;
}

/**
 * Finds every `.gguf` in the models folder, at the top level and one folder down,
 * following symlinks. Files whose header cannot be read are left out and logged.
 */
export class ModelDiscovery {
  /** Headers already read, by path + size + mtime, so rescans only read new files. */
  private readonly summaries = new Map<string, GgufSummary>();

  constructor(
    private readonly modelsDir: string,
    private readonly logger: Logger,
  ) {}

  async scan(): Promise<ModelInfo[]> {
    const candidates = await this.findCandidates();
    const models: ModelInfo[] = [];
    const taken = new Set<string>();
    for (const candidate of candidates) {
      const summary = await this.summarize(candidate);
      if (!summary) continue;
      const base = path.basename(candidate.file).replace(/\.gguf$/i, "");
      const id = uniqueId(slugify(base), taken);
      models.push({
        id,
        name: base,
        family: "llm",
        format: "gguf",
        path: candidate.file,
        sizeBytes: candidate.sizeBytes,
        ...summary,
      });
    }
    return models;
  }

  private async summarize(candidate: Candidate): Promise<GgufSummary | undefined> {
    const key = `${candidate.file}\0${candidate.sizeBytes}\0${candidate.mtimeMs}`;
    const known = this.summaries.get(key);
    if (known) return known;
    try {
      const summary = await readGgufSummary(candidate.file);
      this.summaries.set(key, summary);
      return summary;
    } catch (error) {
      this.logger.log("warn", "models", `Skipped ${candidate.file}: not a readable GGUF model`, {
        reason: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  }

  private async findCandidates(): Promise<Candidate[]> {
    const found: Candidate[] = [];
    for (const name of await listNames(this.modelsDir)) {
      const full = path.join(this.modelsDir, name);
      const info = await statOrUndefined(full);
      if (info?.isFile() && isModelFileName(name)) found.push({ file: full, sizeBytes: info.size, mtimeMs: info.mtimeMs });
      if (!info?.isDirectory()) continue;
      for (const inner of await listNames(full)) {
        const innerFull = path.join(full, inner);
        const innerInfo = await statOrUndefined(innerFull);
        if (innerInfo?.isFile() && isModelFileName(inner)) {
          found.push({ file: innerFull, sizeBytes: innerInfo.size, mtimeMs: innerInfo.mtimeMs });
        }
      }
    }
    return found;
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
