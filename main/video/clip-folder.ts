import { open, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { writeFileDurably } from "../fs/durable-write";
import { makeThumbnail } from "../library/library-files";
import { frameFileName } from "./clip-io/frame-files";

/** The files of one clip folder, `<data>/library/videos/<id>/`. */
export const CLIP_SIDECAR = "clip.json";
export const CLIP_THUMBNAIL = "thumb.webp";
const FRAME_NAME = /^frame-(\d{5})\.png$/;

export function exportFileName(format: string): string {
  return `clip.${format}`;
}

export interface ClipFrames {
  count: number;
  width: number;
  height: number;
  sizeBytes: number;
}

/**
 * Checks the frames an engine or an import wrote: frame-00000.png … numbered from 0 without
 * gaps, `expected` of them when given, all PNGs of the first one's size (read from the headers).
 */
export async function checkClipFrames(dir: string, expected?: number): Promise<ClipFrames> {
  const names = (await readdir(dir)).filter((name) => FRAME_NAME.test(name)).sort();
  if (names.length === 0) throw new AppError("INTERNAL", "The clip has no frames.");
  if (expected !== undefined && names.length !== expected) throw new AppError("INTERNAL", `The clip has ${names.length} frames; ${expected} were made.`);
  let size: { width: number; height: number } | undefined;
  let sizeBytes = 0;
  for (const [index, name] of names.entries()) {
    if (name !== frameFileName(index)) throw new AppError("INTERNAL", `Frame ${index} of the clip is missing.`);
    const file = path.join(dir, name);
    const frameSize = pngHeaderSize(await readHead(file, 24), file);
    size ??= frameSize;
    if (frameSize.width !== size.width || frameSize.height !== size.height) {
      throw new AppError("INTERNAL", `Frame ${index} is ${frameSize.width}×${frameSize.height}; the clip is ${size.width}×${size.height}.`);
    }
    sizeBytes += (await stat(file)).size;
  }
  return { count: names.length, width: size?.width ?? 0, height: size?.height ?? 0, sizeBytes };
}

/** The grid thumbnail from the first frame. */
export async function writeClipThumbnail(dir: string): Promise<void> {
  const first = await readFile(path.join(dir, frameFileName(0)));
  await writeFileDurably(path.join(dir, CLIP_THUMBNAIL), await makeThumbnail(first));
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, which always comes first: no need to read the whole file. */
function pngHeaderSize(head: Buffer, file: string): { width: number; height: number } {
  if (head.length < 24 || !head.subarray(0, 8).equals(PNG_SIGNATURE) || head.toString("latin1", 12, 16) !== "IHDR") {
    throw new AppError("INTERNAL", `The frame ${file} is not a PNG.`);
  }
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
