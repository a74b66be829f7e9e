import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "../../../shared/errors";
import { ffmpegFromFrames, hasEncoder } from "./ffmpeg-process";
import type { RgbFrame } from "./rgb-frame";

export type VideoCodec = "h264" | "vp9" | "vp8";
export type VideoContainer = "mp4" | "webm";

/** ffmpeg's encoder for each codec, and its settings: visually clean, at a speed these machines manage. */
const ENCODER: Record<VideoCodec, { name: string; args: string[] }> = {
  h264: { name: "libx264", args: ["-c:v", "libx264", "-preset", "medium", "-crf", "18", "-movflags", "+faststart"] },
  vp9: { name: "libvpx-vp9", args: ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "31", "-deadline", "good", "-cpu-used", "4", "-row-mt", "1"] },
  vp8: { name: "libvpx", args: ["-c:v", "libvpx", "-b:v", "8M", "-crf", "10", "-deadline", "good", "-cpu-used", "4"] },
};

/** The codec a container gets: H.264 in MP4; VP9 in WebM, or VP8 where the ffmpeg build lacks VP9. */
export async function codecFor(container: VideoContainer): Promise<VideoCodec> {
  const candidates: VideoCodec[] = container === "mp4" ? ["h264"] : ["vp9", "vp8"];
  for (const codec of candidates) if (await hasEncoder(ENCODER[codec].name)) return codec;
  const wanted = candidates.map((codec) => ENCODER[codec].name).join(" or ");
  throw new AppError("UNSUPPORTED", `The ffmpeg shipped with Atelier has no ${wanted} encoder, so ${container.toUpperCase()} cannot be exported here.`);
}

/** ffmetadata text: keys and values escape = ; # \ and newlines with a backslash. */
function ffmetadata(tags: Record<string, string>): string {
  const escape = (text: string): string => text.replace(/[=;#\\\n]/g, (char) => `\\${char}`);
  return [";FFMETADATA1", ...Object.entries(tags).map(([key, value]) => `${escape(key)}=${escape(value)}`), ""].join("\n");
}

/**
 * RGB → YUV 4:2:0 with the BT.709 matrix in limited range, tagged as such so players convert back
 * the same way; an odd width or height gets one black column or row (4:2:0 needs even sizes).
 */
function videoFilter(width: number, height: number): string {
  const scale = "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p";
  return width % 2 || height % 2 ? `pad=ceil(iw/2)*2:ceil(ih/2)*2,${scale}` : scale;
}

export interface VideoEncodeRequest {
  container: VideoContainer;
  codec: VideoCodec;
  width: number;
  height: number;
  fps: number;
  frames: AsyncIterable<RgbFrame>;
  /** Written as the container's comment tag (MP4 ©cmt, Matroska COMMENT). */
  comment?: string;
  signal?: AbortSignal;
}

/** Encodes RGB frames with the shipped ffmpeg into an MP4 or WebM file's bytes (through a temp file: MP4 needs a seekable output). */
export async function encodeVideo(request: VideoEncodeRequest): Promise<Buffer> {
  const { container, codec, width, height, fps, signal } = request;
  const base = path.join(tmpdir(), `atelier-export-${randomBytes(6).toString("hex")}`);
  const target = `${base}.${container}`;
  const metadata = `${base}.ffmeta`;
  const input = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", `${width}x${height}`, "-r", String(fps), "-i", "pipe:0"];
  const tags = request.comment === undefined ? [] : ["-f", "ffmetadata", "-i", metadata, "-map_metadata", "1"];
  const color = ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"];
  const args = [...input, ...tags, "-map", "0:v:0", "-vf", videoFilter(width, height), ...ENCODER[codec].args, ...color, "-f", container, "-y", target];
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const frame of request.frames) yield frame.pixels;
  }
  try {
    if (request.comment !== undefined) await writeFile(metadata, ffmetadata({ comment: request.comment }));
    await ffmpegFromFrames(args, bytes(), signal, (reason) => new AppError("INTERNAL", `ffmpeg could not encode the ${container.toUpperCase()} (${reason}).`));
    return await readFile(target);
  } finally {
    await rm(target, { force: true });
    await rm(metadata, { force: true });
  }
}
