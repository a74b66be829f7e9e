import { mkdir } from "node:fs/promises";
import { AppError } from "../../../shared/errors";
import type { ClipSourceFormat } from "./clip-format";
import { FrameWriter } from "./frame-writer";
import { MAX_CLIP_FRAMES, openClip } from "./open-clip";

export interface ImportedClip {
  format: ClipSourceFormat;
  width: number;
  height: number;
  fps: number | undefined;
  /** Names inside the output folder, in order (frame-00000.png, …). */
  files: string[];
}

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads a clip and writes its frames as PNG files into `outputDir` (each save durable), one frame
 * in memory at a time. The frames are what the decoder gives (a damaged video may give fewer than it lists).
 */
export async function importClipFrames(file: string, outputDir: string, { signal, onProgress }: ImportOptions = {}): Promise<ImportedClip> {
  const clip = await openClip(file);
  await mkdir(outputDir, { recursive: true });
  const writer = new FrameWriter(outputDir);
  try {
    let count = 0;
    for await (const frame of clip.frames(signal)) {
      if (++count > MAX_CLIP_FRAMES) throw new AppError("INVALID_INPUT", `The clip ${file} has more than ${MAX_CLIP_FRAMES} frames.`);
      await writer.write(frame);
      onProgress?.(count, Math.max(clip.frameCount, count));
    }
    if (count === 0) throw new AppError("INVALID_INPUT", `The clip ${file} holds no frames that could be decoded.`);
    return { format: clip.format, width: clip.width, height: clip.height, fps: clip.fps, files: await writer.finish() };
  } finally {
    await writer.settle();
  }
}
