import path from "node:path";
import { AppError } from "../../../../shared/errors";
import { writeFileDurably } from "../../../fs/durable-write";
import { toRgbBytes } from "../../image/image-codec";
import type { VaeDecoder } from "../../image/pipeline/vae";
import { encodeFramePng, frameFileName } from "../../../video/clip-io/frame-files";
import { frameOf, type ClipShape } from "./clip-latents";

export interface DecodeFramesOptions {
  vaeDecoder: VaeDecoder;
  /** Final latents [4, frames, h, w], still scaled. */
  latents: Float32Array;
  shape: ClipShape;
  /** The frames to keep: the first `count` (a padded window may hold more). */
  count: number;
  vaeScalingFactor: number;
  /** Latent size; the frames are 8× larger. */
  height: number;
  width: number;
  outputDir: string;
  signal: AbortSignal;
  onFrame(done: number, total: number): void;
}

/**
 * Decodes frame by frame (the exported VAE takes one image at a time) and writes each frame as
 * a PNG into outputDir as it comes, so memory holds one decoded frame whatever the clip's length.
 */
export async function decodeFrames(options: DecodeFramesOptions): Promise<string[]> {
  const { latents, shape, count, height, width, signal } = options;
  const files: string[] = [];
  const scale = 1 / options.vaeScalingFactor;
  for (let index = 0; index < count; index++) {
    if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
    const frame = frameOf(latents, shape, index);
    for (let i = 0; i < frame.length; i++) frame[i] = (frame[i] ?? 0) * scale;
    const decoded = await options.vaeDecoder.decode(frame, height, width);
    const png = await encodeFramePng(toRgbBytes(decoded, width * 8, height * 8));
    const name = frameFileName(index);
    await writeFileDurably(path.join(options.outputDir, name), png);
    files.push(name);
    options.onFrame(index + 1, count);
  }
  return files;
}
