import { AppError } from "../../../shared/errors";
import { serializeParameters, serializeParametersAscii, type ClipParameters } from "./clip-parameters";
import { encodeAnimated } from "./encode-animated";
import { codecFor, encodeVideo, type VideoCodec } from "./encode-video";
import type { FrameStream, RgbFrame } from "./rgb-frame";

export const CLIP_EXPORT_FORMATS = ["mp4", "webm", "webp", "gif"] as const;
export type ClipExportFormat = (typeof CLIP_EXPORT_FORMATS)[number];

export const CLIP_MIME_TYPES: Record<ClipExportFormat, string> = { mp4: "video/mp4", webm: "video/webm", webp: "image/webp", gif: "image/gif" };

export const MAX_EXPORT_FPS = 240;

export interface ClipExportRequest {
  format: ClipExportFormat;
  clip: FrameStream;
  fps: number;
  /** Carried in the file's metadata, so dropping the file on the Video panel recalls its settings. */
  parameters?: ClipParameters;
  /** WebM only: VP9 unless the ffmpeg build lacks it (then VP8), or the codec asked for. */
  webmCodec?: Extract<VideoCodec, "vp9" | "vp8">;
  signal?: AbortSignal;
}

export interface ExportedClip {
  bytes: Buffer;
  format: ClipExportFormat;
  mimeType: string;
  codec: VideoCodec | "webp" | "gif";
  frameCount: number;
}

/** The frames, each checked to be the clip's size, counted as they pass. */
async function* checked(clip: FrameStream, counter: { frames: number }): AsyncGenerator<RgbFrame> {
  for await (const frame of clip.frames) {
    if (frame.width !== clip.width || frame.height !== clip.height || frame.pixels.length !== clip.width * clip.height * 3) {
      throw new AppError("INVALID_INPUT", `Frame ${counter.frames + 1} is ${frame.width}×${frame.height}; every frame of the clip must be ${clip.width}×${clip.height}.`);
    }
    counter.frames++;
    yield frame;
  }
}

/**
 * Encodes a clip from the host alone: MP4 (H.264) and WebM (VP9/VP8) with the shipped ffmpeg,
 * animated WebP and GIF with sharp; the parameters go into the container's metadata.
 */
export async function exportClip(request: ClipExportRequest): Promise<ExportedClip> {
  const { format, clip, fps, parameters, signal } = request;
  if (!(fps > 0 && fps <= MAX_EXPORT_FPS)) throw new AppError("INVALID_INPUT", `The frame rate must be above 0 and at most ${MAX_EXPORT_FPS} (it was ${fps}).`);
  const counter = { frames: 0 };
  const frames = checked(clip, counter);
  const base = { width: clip.width, height: clip.height, fps, frames, signal };
  let bytes: Buffer;
  let codec: ExportedClip["codec"];
  if (format === "mp4" || format === "webm") {
    codec = format === "mp4" ? await codecFor("mp4") : (request.webmCodec ?? (await codecFor("webm")));
    const comment = parameters && serializeParameters(parameters);
    bytes = await encodeVideo({ ...base, container: format, codec, ...(comment === undefined ? {} : { comment }) });
  } else {
    codec = format;
    const comment = parameters && (format === "gif" ? serializeParametersAscii(parameters) : serializeParameters(parameters));
    bytes = await encodeAnimated({ ...base, format, ...(comment === undefined ? {} : { comment }) });
  }
  if (counter.frames === 0) throw new AppError("INVALID_INPUT", "The clip has no frames to export.");
  return { bytes, format, mimeType: CLIP_MIME_TYPES[format], codec, frameCount: counter.frames };
}
