import { AppError } from "../../shared/errors";
import { transcriptSchema, type Transcript } from "../../shared/speech";
import { JsonFolder } from "../fs/json-folder";
import type { Logger } from "../log/types";

/** Transcripts in `<data>/library/transcripts/<id>.json`, each written atomically. */
export class TranscriptStore {
  private readonly folder: JsonFolder<Transcript>;

  constructor(
    readonly dir: string,
    logger: Logger,
  ) {
    this.folder = new JsonFolder(dir, transcriptSchema, logger);
  }

  /** Newest first; only those of one audio clip when `audioId` is given. */
  async list(audioId?: string): Promise<Transcript[]> {
    const all = await this.folder.values();
    return all.filter((item) => audioId === undefined || item.audioId === audioId).sort((a, b) => b.createdAt - a.createdAt);
  }

  async get(id: string): Promise<Transcript> {
    const item = await this.folder.find(id);
    if (!item) throw new AppError("NOT_FOUND", `There is no transcript "${id}".`);
    return item;
  }

  async save(transcript: Transcript): Promise<Transcript> {
    await this.folder.save(transcript);
    return transcript;
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.folder.remove(id);
  }
}
