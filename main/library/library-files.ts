import { readFile, rm } from "node:fs/promises";
import sharp from "sharp";
import writeFileAtomic from "write-file-atomic";
import { AppError } from "../../shared/errors";
import { libraryItemSchema, type LibraryItem } from "../../shared/image";
import { readJsonFile, writeJsonAtomic } from "../fs/atomic-json";
import { resolveInside } from "../fs/inside";
import type { Logger } from "../log/types";

/** Thumbnails fit in this square: enough for a gallery grid on a HiDPI screen. */
export const THUMBNAIL_SIZE = 256;

/**
 * One library item on disk, in `<data>/library/`: `<id>.png` (the image, with its parameters
 * chunk), `<id>.thumb.webp`, and the `<id>.json` sidecar, written last: an item without a
 * sidecar does not exist.
 */
export class LibraryFiles {
  constructor(
    readonly dir: string,
    private readonly logger: Logger,
  ) {}

  pngPath(id: string): string {
    return resolveInside(this.dir, `${id}.png`);
  }

  thumbnailPath(id: string): string {
    return resolveInside(this.dir, `${id}.thumb.webp`);
  }

  sidecarPath(id: string): string {
    return resolveInside(this.dir, `${id}.json`);
  }

  async write(item: LibraryItem, png: Uint8Array): Promise<void> {
    await writeBytes(this.pngPath(item.id), png);
    await writeBytes(this.thumbnailPath(item.id), await makeThumbnail(png));
    await writeJsonAtomic(this.sidecarPath(item.id), item);
  }

  /** The sidecar, or undefined when it is missing or unreadable (then moved aside and logged). */
  async readSidecar(file: string): Promise<LibraryItem | undefined> {
    const read = await readJsonFile(resolveInside(this.dir, file), libraryItemSchema, this.logger);
    return read.kind === "ok" ? read.value : undefined;
  }

  async readPng(id: string): Promise<Buffer> {
    return readOrNotFound(this.pngPath(id), id);
  }

  /** The thumbnail, made again from the PNG if it went missing. */
  async readThumbnail(id: string): Promise<Buffer> {
    const existing = await readFile(this.thumbnailPath(id)).catch(() => undefined);
    if (existing) return existing;
    const thumbnail = await makeThumbnail(await this.readPng(id));
    await writeBytes(this.thumbnailPath(id), thumbnail);
    return thumbnail;
  }

  /** Removes the sidecar first, so a half-finished delete leaves no visible item. */
  async remove(id: string): Promise<void> {
    for (const file of [this.sidecarPath(id), this.pngPath(id), this.thumbnailPath(id)]) await rm(file, { force: true });
  }
}

async function writeBytes(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOSPC") throw new AppError("DISK_FULL", `The disk is full: could not save ${file}.`);
    throw error;
  }
}

async function readOrNotFound(file: string, id: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", `The image file of library item ${id} is missing.`);
    throw error;
  }
}

export async function makeThumbnail(png: Uint8Array): Promise<Buffer> {
  return sharp(png).resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
}
