import { readFile, rm } from "node:fs/promises";
import sharp from "sharp";
import { writeFileDurably } from "../fs/durable-write";
import { AppError } from "../../shared/errors";
import { resolveInside } from "../fs/inside";

/** Thumbnails fit in this square: enough for a gallery grid on a HiDPI screen. */
export const THUMBNAIL_SIZE = 256;

/**
 * The image files of one library item in `<data>/library/`: `<id>.png` (the image, with its
 * parameters chunk) and `<id>.thumb.webp`. Its `<id>.json` sidecar is the library's JsonFolder.
 */
export class LibraryFiles {
  constructor(readonly dir: string) {}

  pngPath(id: string): string {
    return resolveInside(this.dir, `${id}.png`);
  }

  thumbnailPath(id: string): string {
    return resolveInside(this.dir, `${id}.thumb.webp`);
  }

  async write(id: string, png: Uint8Array): Promise<void> {
    await writeBytes(this.pngPath(id), png);
    await writeBytes(this.thumbnailPath(id), await makeThumbnail(png));
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

  async remove(id: string): Promise<void> {
    for (const file of [this.pngPath(id), this.thumbnailPath(id)]) await rm(file, { force: true });
  }
}

async function writeBytes(file: string, bytes: Uint8Array): Promise<void> {
  await writeFileDurably(file, bytes);
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
