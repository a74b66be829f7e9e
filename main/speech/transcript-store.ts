import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { transcriptSchema, type Transcript } from "../../shared/speech";
import { readJsonFile, writeJsonAtomic } from "../fs/atomic-json";
import { resolveInside } from "../fs/inside";
import type { Logger } from "../log/types";

/** Transcripts in `<data>/library/transcripts/<id>.json`, each written atomically. */
export class TranscriptStore {
  private items: Map<string, Transcript> | undefined;
  private loading: Promise<Map<string, Transcript>> | undefined;

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  /** Newest first; only those of one audio clip when `audioId` is given. */
  async list(audioId?: string): Promise<Transcript[]> {
    const all = [...(await this.loaded()).values()];
    return all.filter((item) => audioId === undefined || item.audioId === audioId).sort((a, b) => b.createdAt - a.createdAt);
  }

  async get(id: string): Promise<Transcript> {
    const item = (await this.loaded()).get(id);
    if (!item) throw new AppError("NOT_FOUND", `There is no transcript "${id}".`);
    return item;
  }

  async save(transcript: Transcript): Promise<Transcript> {
    const items = await this.loaded();
    await writeJsonAtomic(resolveInside(this.dir, `${transcript.id}.json`), transcript);
    items.set(transcript.id, transcript);
    return transcript;
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await rm(resolveInside(this.dir, `${id}.json`), { force: true });
    (await this.loaded()).delete(id);
  }

  private loaded(): Promise<Map<string, Transcript>> {
    if (this.items) return Promise.resolve(this.items);
    this.loading ??= this.load().then(
      (items) => (this.items = items),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  private async load(): Promise<Map<string, Transcript>> {
    await mkdir(this.dir, { recursive: true });
    const items = new Map<string, Transcript>();
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith(".json")) continue;
      const result = await readJsonFile(path.join(this.dir, name), transcriptSchema, this.logger);
      if (result.kind === "ok" && `${result.value.id}.json` === name) items.set(result.value.id, result.value);
    }
    return items;
  }
}
