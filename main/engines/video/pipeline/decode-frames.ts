import path from "node:path";
import { AppError } from "../../../../shared/errors";
import { writeFileDurably } from "../../../fs/durable-write";
import { toRgbBytes, type RgbImage } from "../../image/image-codec";
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

/** Frames being PNG-encoded and written (thread pool and disk) while the next ones decode. */
const MAX_PENDING_WRITES = 4;

/**
 * Decodes frame by frame (the exported VAE takes one image at a time) and writes each frame as a
 * PNG into outputDir. PNG encoding and the durable writes overlap the next frames' decoding; memory
 * holds a few decoded frames at most, whatever the clip's length.
 */
export async function decodeFrames(options: DecodeFramesOptions): Promise<string[]> {
  const { latents, shape, count, height, width, signal } = options;
  const files: string[] = [];
  const scale = 1 / options.vaeScalingFactor;
  let written = 0;
  const write = async (index: number, rgb: RgbImage): Promise<void> => {
    const name = frameFileName(index);
    await writeFileDurably(path.join(options.outputDir, name), await encodeFramePng(rgb));
    files[index] = name;
    options.onFrame(++written, count);
  };
  const pending = new Set<Promise<void>>();
  try {
    for (let index = 0; index < count; index++) {
      if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
      const frame = frameOf(latents, shape, index);
      for (let i = 0; i < frame.length; i++) frame[i] = (frame[i] ?? 0) * scale;
      const rgb = toRgbBytes(await options.vaeDecoder.decode(frame, height, width), width * 8, height * 8);
      while (pending.size >= MAX_PENDING_WRITES) await Promise.race(pending);
      const task = write(index, rgb).finally(() => pending.delete(task));
      // Failures surface through the race or the final wait; this only keeps Node from calling them unhandled meanwhile.
      task.catch(() => undefined);
      pending.add(task);
    }
    await Promise.all(pending);
  } catch (error) {
    await Promise.allSettled(pending);
    throw error;
  }
  return files;
}
