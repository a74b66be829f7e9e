import path from "node:path";
import { AppError } from "../../shared/errors";
import { libraryItemSchema, type ImageParameters, type LibraryItem } from "../../shared/image";
import { formatImageParameters, PARAMETERS_KEYWORD } from "../../shared/image-parameters";
import { readPngSize, withPngText } from "../../shared/png-text";
import { newId } from "../chats/new-id";
import type { EventBus } from "../events/bus";
import { JsonFolder } from "../fs/json-folder";
import type { Logger } from "../log/types";
import { LibraryFiles } from "./library-files";

export interface LibraryServiceOptions {
  dir: string;
  events: EventBus;
  logger: Logger;
  /** Shows a file in the OS file manager (desktop only). */
  revealInFolder?: (file: string) => Promise<void>;
}

export interface NewLibraryImage {
  /** A PNG as the engine encoded it; the parameters chunk is added here. */
  png: Uint8Array;
  parameters: ImageParameters | null;
  jobId?: string;
}

/** The gallery: generated and upscaled images in `<data>/library/`, newest first. */
export class LibraryService {
  private readonly files: LibraryFiles;
  /** `<id>.json` sidecars, written last: an item without one does not exist. */
  private readonly sidecars: JsonFolder<LibraryItem>;

  constructor(private readonly options: LibraryServiceOptions) {
    const dir = path.resolve(options.dir);
    this.files = new LibraryFiles(dir);
    this.sidecars = new JsonFolder(dir, libraryItemSchema, options.logger);
  }

  async add(image: NewLibraryImage): Promise<LibraryItem> {
    await this.sidecars.open();
    const png = image.parameters ? withPngText(image.png, PARAMETERS_KEYWORD, formatImageParameters(image.parameters)) : image.png;
    const { width, height } = readPngSize(png);
    const id = newId("img");
    const item: LibraryItem = {
      id,
      kind: "image",
      file: `${id}.png`,
      width,
      height,
      sizeBytes: png.length,
      createdAt: Date.now(),
      parameters: image.parameters,
      ...(image.jobId ? { jobId: image.jobId } : {}),
    };
    await this.files.write(id, png);
    await this.sidecars.save(item);
    this.options.events.emit("library.changed", { item });
    return item;
  }

  async list(offset: number, limit: number): Promise<{ items: LibraryItem[]; total: number }> {
    const all = (await this.sidecars.values()).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    return { items: all.slice(offset, offset + limit), total: all.length };
  }

  async get(id: string): Promise<LibraryItem> {
    const item = await this.sidecars.find(id);
    if (!item) throw new AppError("NOT_FOUND", `There is no image ${id} in the library.`);
    return item;
  }

  async read(id: string, variant: "full" | "thumbnail"): Promise<{ dataUrl: string }> {
    await this.get(id);
    if (variant === "thumbnail") return { dataUrl: `data:image/webp;base64,${(await this.files.readThumbnail(id)).toString("base64")}` };
    return { dataUrl: `data:image/png;base64,${(await this.files.readPng(id)).toString("base64")}` };
  }

  /** The PNG's absolute path, e.g. for the engine to upscale it. */
  async pathOf(id: string): Promise<string> {
    await this.get(id);
    return this.files.pngPath(id);
  }

  async delete(id: string): Promise<{ deleted: true }> {
    await this.get(id);
    // The sidecar goes first, so a half-finished delete leaves no visible item.
    await this.sidecars.remove(id);
    await this.files.remove(id);
    this.options.events.emit("library.changed", { deletedId: id });
    return { deleted: true };
  }

  async reveal(id: string): Promise<{ path: string; revealed: boolean }> {
    const file = await this.pathOf(id);
    if (!this.options.revealInFolder) return { path: file, revealed: false };
    try {
      await this.options.revealInFolder(file);
      return { path: file, revealed: true };
    } catch (error) {
      this.options.logger.log("warn", "library", "Could not show the file in its folder", { file, error });
      return { path: file, revealed: false };
    }
  }
}
