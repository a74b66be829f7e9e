import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runFfmpeg } from "./ffmpeg";

export type TranscodeFormat = "wav" | "mp3" | "ogg";

const CODEC_ARGS: Record<TranscodeFormat, string[]> = {
  wav: ["-c:a", "pcm_s16le"],
  mp3: ["-c:a", "libmp3lame", "-q:a", "4"],
  ogg: ["-c:a", "libvorbis", "-q:a", "4"],
};

/**
 * Re-encodes audio (a file path or bytes) with ffmpeg, keeping its sample rate and channels.
 * The output goes to a temp file, not a pipe, so a WAV header carries real sizes.
 */
export async function transcodeAudio(input: Buffer | string, format: TranscodeFormat, signal?: AbortSignal): Promise<Buffer> {
  const base = path.join(tmpdir(), `atelier-transcode-${randomBytes(6).toString("hex")}`);
  const source = typeof input === "string" ? input : `${base}.in`;
  const target = `${base}.${format}`;
  try {
    if (typeof input !== "string") await writeFile(source, input);
    await runFfmpeg(["-i", source, "-vn", "-sn", "-dn", ...CODEC_ARGS[format], "-y", target], { signal });
    return await readFile(target);
  } finally {
    await rm(target, { force: true });
    if (typeof input !== "string") await rm(source, { force: true });
  }
}
