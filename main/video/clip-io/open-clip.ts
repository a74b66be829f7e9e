import { AppError } from "../../../shared/errors";
import { detectClipFormat, type ClipSourceFormat } from "./clip-format";
import { decodeAnimatedFrames, probeAnimated } from "./decode-animated";
import { decodePngFolderFrames, probePngFolder } from "./decode-png-folder";
import { decodeVideoFrames } from "./decode-video";
import type { RgbFrame } from "./rgb-frame";
import { probeVideo } from "./video-probe";

/** Longer clips are refused: the studio keeps every frame as a PNG. */
export const MAX_CLIP_FRAMES = 10_000;
export const MAX_CLIP_SIDE = 8192;

/** A clip opened for reading: its facts at once, its frames one at a time. */
export interface ClipSource {
  format: ClipSourceFormat;
  width: number;
  height: number;
  frameCount: number;
  /** From the file (video timing, animation delays); undefined for a folder of PNGs. */
  fps: number | undefined;
  frames(signal?: AbortSignal): AsyncGenerator<RgbFrame>;
}

function checkLimits(file: string, clip: ClipSource): ClipSource {
  if (clip.width < 1 || clip.height < 1 || clip.width > MAX_CLIP_SIDE || clip.height > MAX_CLIP_SIDE) {
    throw new AppError("INVALID_INPUT", `The clip ${file} is ${clip.width}×${clip.height}; at most ${MAX_CLIP_SIDE} pixels per side are supported.`);
  }
  if (clip.frameCount > MAX_CLIP_FRAMES) throw new AppError("INVALID_INPUT", `The clip ${file} has ${clip.frameCount} frames; at most ${MAX_CLIP_FRAMES} are supported.`);
  return clip;
}

/** Opens an MP4, WebM, GIF, (animated) WebP or a folder of PNG frames, recognised by content. */
export async function openClip(file: string): Promise<ClipSource> {
  const format = await detectClipFormat(file);
  if (format === "mp4" || format === "webm") {
    const facts = await probeVideo(file);
    return checkLimits(file, { format, ...facts, frames: (signal) => decodeVideoFrames(file, facts, signal) });
  }
  if (format === "gif" || format === "webp") {
    const facts = await probeAnimated(file);
    return checkLimits(file, { format, ...facts, frames: (signal) => decodeAnimatedFrames(file, facts, signal) });
  }
  const facts = await probePngFolder(file);
  return checkLimits(file, { format, width: facts.width, height: facts.height, frameCount: facts.files.length, fps: undefined, frames: (signal) => decodePngFolderFrames(facts, signal) });
}
