import { AppError } from "../../../shared/errors";
import { ffmpegFrames } from "./ffmpeg-process";
import type { RgbFrame } from "./rgb-frame";
import type { VideoFacts } from "./video-probe";

/**
 * The frames of an MP4 or WebM, decoded by the shipped ffmpeg to RGB, one frame per coded frame
 * (no frame-rate conversion), rotation applied, at the probed display size (so non-square pixels
 * cannot misalign the frames).
 */
export async function* decodeVideoFrames(file: string, facts: VideoFacts, signal?: AbortSignal): AsyncGenerator<RgbFrame> {
  const { width, height } = facts;
  const args = ["-i", file, "-map", "0:v:0", "-an", "-sn", "-dn", "-vsync", "passthrough", "-vf", `scale=${width}:${height}`, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"];
  const failure = (reason: string): AppError => new AppError("INVALID_INPUT", `The video ${file} could not be decoded (${reason}).`);
  for await (const bytes of ffmpegFrames(args, width * height * 3, signal, failure)) {
    yield { pixels: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), width, height };
  }
}
