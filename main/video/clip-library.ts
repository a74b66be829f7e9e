import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { ID_PATTERN } from "../../shared/ids";
import { clipItemSchema, type ClipExport, type ClipFormat, type ClipItem, type ClipMode, type VideoParameters } from "../../shared/video";
import { newId } from "../chats/new-id";
import type { EventBus } from "../events/bus";
import { readJsonFile, writeJsonAtomic } from "../fs/atomic-json";
import { syncFolder } from "../fs/durable-write";
import { resolveInside } from "../fs/inside";
import type { Logger } from "../log/types";
import { checkClipFrames, CLIP_SIDECAR, CLIP_THUMBNAIL, exportFileName, writeClipThumbnail } from "./clip-folder";
import { frameFileName } from "./clip-io/frame-files";

export interface ClipLibraryOptions {
  /** `<data>/library/videos`. */
  dir: string;
  events: EventBus;
  logger: Logger;
}

/** A clip being made: its frames go into `dir` (inside `.partial/`) until it is committed or discarded. */
export interface StagedClip {
  id: string;
  dir: string;
}

export interface NewClip {
  name: string;
  mode: ClipMode;
  fps: number;
  parameters: VideoParameters | null;
  /** How many frames the maker wrote; the commit checks them. */
  frames?: number;
  jobId?: string;
  sourceClipId?: string;
}

/** Work in progress; removed whole at start, so a crash mid-clip leaves nothing behind. */
const PARTIAL = ".partial";

/**
 * The clips: one folder each under `<data>/library/videos/<id>/` with frame-00000.png …, clip.json
 * and thumb.webp. A clip is made in `.partial/<id>/`, sidecar included, and appears by one rename,
 * so a listed clip is always whole. Newest first.
 */
export class ClipLibrary {
  private items: Map<string, ClipItem> | undefined;
  private loading: Promise<Map<string, ClipItem>> | undefined;
  /** Sidecar rewrites (exports) one at a time, so two never lose each other's change. */
  private updates: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ClipLibraryOptions) {}

  get dir(): string {
    return path.resolve(this.options.dir);
  }

  async stage(): Promise<StagedClip> {
    await this.loaded();
    const id = newId("clip");
    const dir = resolveInside(this.dir, PARTIAL, id);
    await mkdir(dir, { recursive: true });
    return { id, dir };
  }

  async discard(staged: StagedClip): Promise<void> {
    await rm(staged.dir, { recursive: true, force: true }).catch((error: unknown) => this.options.logger.log("warn", "video", "Could not remove a partial clip", { dir: staged.dir, error }));
  }

  /** Checks the staged frames, adds the thumbnail and sidecar, and moves the clip into the library. */
  async commit(staged: StagedClip, clip: NewClip): Promise<ClipItem> {
    const frames = await checkClipFrames(staged.dir, clip.frames);
    await writeClipThumbnail(staged.dir);
    const item: ClipItem = {
      id: staged.id,
      kind: "clip",
      name: clip.name,
      mode: clip.mode,
      frameCount: frames.count,
      width: frames.width,
      height: frames.height,
      fps: clip.fps,
      durationSeconds: frames.count / clip.fps,
      sizeBytes: frames.sizeBytes,
      createdAt: Date.now(),
      parameters: clip.parameters,
      exports: [],
      ...(clip.sourceClipId ? { sourceClipId: clip.sourceClipId } : {}),
      ...(clip.jobId ? { jobId: clip.jobId } : {}),
    };
    await writeJsonAtomic(path.join(staged.dir, CLIP_SIDECAR), item);
    await rename(staged.dir, this.clipDir(item.id));
    await syncFolder(this.dir);
    (await this.loaded()).set(item.id, item);
    this.options.events.emit("clip.changed", { item });
    return item;
  }

  async list(offset: number, limit: number): Promise<{ items: ClipItem[]; total: number }> {
    const all = [...(await this.loaded()).values()].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    return { items: all.slice(offset, offset + limit), total: all.length };
  }

  async get(id: string): Promise<ClipItem> {
    const item = (await this.loaded()).get(id);
    if (!item) throw new AppError("NOT_FOUND", `There is no clip ${id} in the library.`);
    return item;
  }

  clipDir(id: string): string {
    return resolveInside(this.dir, id);
  }

  /** Absolute paths of the clip's frames, in order. */
  async framePaths(id: string): Promise<string[]> {
    const item = await this.get(id);
    return Array.from({ length: item.frameCount }, (_, index) => path.join(this.clipDir(id), frameFileName(index)));
  }

  async readFrame(id: string, index: number, variant: "full" | "thumbnail"): Promise<{ dataUrl: string; index: number; frameCount: number }> {
    const item = await this.get(id);
    if (index >= item.frameCount) throw new AppError("INVALID_INPUT", `Clip ${id} has ${item.frameCount} frames; there is no frame ${index}.`);
    const thumbnail = variant === "thumbnail";
    const file = path.join(this.clipDir(id), thumbnail ? CLIP_THUMBNAIL : frameFileName(index));
    const bytes = await readFile(file).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
      if (!thumbnail) throw new AppError("NOT_FOUND", `Frame ${index} of clip ${id} is missing on disk.`);
      await writeClipThumbnail(this.clipDir(id));
      return readFile(file);
    });
    return { dataUrl: `data:image/${thumbnail ? "webp" : "png"};base64,${bytes.toString("base64")}`, index: thumbnail ? 0 : index, frameCount: item.frameCount };
  }

  /** The exported file of `format`, NOT_FOUND when the clip was never exported so. */
  async exportOf(id: string, format: ClipFormat): Promise<{ file: string; entry: ClipExport; item: ClipItem }> {
    const item = await this.get(id);
    const entry = item.exports.find((each) => each.format === format);
    if (!entry) throw new AppError("NOT_FOUND", `Clip ${id} has not been exported as ${format.toUpperCase()}.`);
    return { file: path.join(this.clipDir(id), entry.file), entry, item };
  }

  /** Where an export of `format` is written (the previous one of that format is replaced). */
  exportPath(id: string, format: ClipFormat): string {
    return path.join(this.clipDir(id), exportFileName(format));
  }

  /** Notes a file written by exportPath in the clip's sidecar. */
  recordExport(id: string, entry: ClipExport): Promise<ClipItem> {
    const run = this.updates.then(async () => {
      const current = await this.get(id);
      const item: ClipItem = { ...current, exports: [...current.exports.filter((each) => each.format !== entry.format), entry] };
      await writeJsonAtomic(path.join(this.clipDir(id), CLIP_SIDECAR), item);
      (await this.loaded()).set(id, item);
      this.options.events.emit("clip.changed", { item });
      return item;
    });
    this.updates = run.catch(() => undefined);
    return run;
  }

  async delete(id: string): Promise<{ deleted: true }> {
    await this.get(id);
    // One rename takes the whole clip out of the library; its files are removed after.
    const doomed = resolveInside(this.dir, PARTIAL, `${id}-deleted`);
    await mkdir(path.dirname(doomed), { recursive: true });
    await rename(this.clipDir(id), doomed);
    await syncFolder(this.dir);
    (await this.loaded()).delete(id);
    this.options.events.emit("clip.changed", { deletedId: id });
    await rm(doomed, { recursive: true, force: true });
    return { deleted: true };
  }

  private loaded(): Promise<Map<string, ClipItem>> {
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

  private async load(): Promise<Map<string, ClipItem>> {
    await mkdir(this.dir, { recursive: true });
    await rm(path.join(this.dir, PARTIAL), { recursive: true, force: true });
    const items = new Map<string, ClipItem>();
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || !ID_PATTERN.test(entry.name)) continue;
      const sidecar = path.join(this.dir, entry.name, CLIP_SIDECAR);
      const result = await readJsonFile(sidecar, clipItemSchema, this.options.logger);
      if (result.kind === "ok" && result.value.id === entry.name) items.set(entry.name, result.value);
      else if (result.kind === "missing") this.options.logger.log("warn", "video", `Skipped the folder ${entry.name}: it has no ${CLIP_SIDECAR}`);
    }
    return items;
  }
}
