import sharp from "sharp";
import { AppError } from "../../../shared/errors";
import type { FrameStream, RgbFrame } from "./rgb-frame";

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

/** The frames of `files` in order; the next one is decoded (on sharp's threads) while the caller works on this one. */
export async function* readFrameFiles(files: readonly string[]): AsyncGenerator<RgbFrame> {
  let next = files[0] === undefined ? undefined : readFrameFile(files[0]);
  for (let index = 0; next; index++) {
    const current = next;
    const following = files[index + 1];
    next = following === undefined ? undefined : readFrameFile(following);
    // A read-ahead that fails is reported when its turn comes, not as an unhandled rejection now.
    next?.catch(() => undefined);
    yield await current;
  }
}

/** Fast PNG (compression level 1): frames are working files, re-encoded when a clip is exported. */
export function encodeFramePng(frame: RgbFrame): Promise<Buffer> {
  return sharp(frame.pixels, { raw: { width: frame.width, height: frame.height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
}

/** A clip kept as frame files, for export: its size from the first file, its frames read one at a time. */
export async function frameFilesStream(files: readonly string[]): Promise<FrameStream> {
  const first = files[0];
  if (!first) throw new AppError("INVALID_INPUT", "The clip has no frames.");
  const { width, height } = await readFrameFile(first);
  return { width, height, frames: readFrameFiles(files) };
}
