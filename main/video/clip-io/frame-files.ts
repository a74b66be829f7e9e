import sharp from "sharp";
import { AppError } from "../../../shared/errors";
import type { RgbFrame } from "./rgb-frame";

/** The name of frame `index` (from 0) in a folder of frames: frame-00000.png, frame-00001.png, … */
export function frameFileName(index: number): string {
  return `frame-${String(index).padStart(5, "0")}.png`;
}

/** A frame file (PNG or anything sharp reads) as RGB; transparency is flattened onto black. */
export async function readFrameFile(file: string): Promise<RgbFrame> {
  try {
    const { data, info } = await sharp(file, { failOn: "error" }).flatten().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
    return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The frame ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The frames of `files`, read one at a time. */
export async function* readFrameFiles(files: readonly string[]): AsyncGenerator<RgbFrame> {
  for (const file of files) yield await readFrameFile(file);
}

/** Fast PNG (compression level 1): frames are working files, re-encoded when a clip is exported. */
export function encodeFramePng(frame: RgbFrame): Promise<Buffer> {
  return sharp(frame.pixels, { raw: { width: frame.width, height: frame.height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
}
