import path from "node:path";
import type { Logger } from "../log/types";
import { readJsonFile, writeJsonAtomic } from "../fs/atomic-json";
import { downloadsFileSchema, type DownloadRecord } from "./download-record";

/**
 * `<data>/downloads/downloads.json`, written atomically. Saves coalesce: one write at a time,
 * and the newest snapshot wins, so frequent checkpoints never queue up writes.
 */
export class DownloadStore {
  readonly file: string;
  private pending: DownloadRecord[] | undefined;
  private writing: Promise<void> | undefined;

  constructor(
    downloadsDir: string,
    private readonly logger: Logger,
  ) {
    this.file = path.join(downloadsDir, "downloads.json");
  }

  async load(): Promise<DownloadRecord[]> {
    const read = await readJsonFile(this.file, downloadsFileSchema, this.logger);
    return read.kind === "ok" ? read.value.downloads : [];
  }

  /** Schedules a save of a snapshot taken now. */
  save(records: DownloadRecord[]): void {
    this.pending = structuredClone(records);
    this.writing ??= this.drain();
  }

  /** Resolves once everything saved so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const downloads = this.pending;
      this.pending = undefined;
      try {
        await writeJsonAtomic(this.file, { version: 1, downloads });
      } catch (error) {
        this.logger.log("error", "downloads", "Could not save the download list", { error });
      }
    }
    this.writing = undefined;
  }
}
