import { randomBytes } from "node:crypto";
import { open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { parseInputAudioStream, runFfmpeg } from "./ffmpeg";
import { decodeWavMono, readWavInfo } from "./wav";

export const TARGET_SAMPLE_RATE = 16_000;

export interface AudioFacts {
  durationSeconds: number;
  /** Of the source, before any resampling. */
  sampleRate: number;
  channels: number;
}

const isWav = (head: Buffer): boolean => head.length >= 12 && head.toString("ascii", 0, 4) === "RIFF" && head.toString("ascii", 8, 12) === "WAVE";

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new AppError("NOT_FOUND", `The audio file could not be opened (${error.code ?? error.message}).`);
  });
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Runs `work` on a file path: the given one, or a temp copy of a buffer (ffmpeg needs a seekable input for MP4/M4A). */
async function withFile<T>(input: Buffer | string, work: (file: string) => Promise<T>): Promise<T> {
  if (typeof input === "string") return work(input);
  const file = path.join(tmpdir(), `atelier-audio-${randomBytes(6).toString("hex")}`);
  await writeFile(file, input);
  try {
    return await work(file);
  } finally {
    await rm(file, { force: true });
  }
}

/** ffmpeg → 32-bit float mono at 16 kHz, streamed; `sink` sees each chunk. */
async function ffmpegMono16k(file: string, sink: (chunk: Buffer) => void, signal?: AbortSignal): Promise<{ sampleRate: number; channels: number }> {
  const args = ["-i", file, "-vn", "-sn", "-dn", "-f", "f32le", "-acodec", "pcm_f32le", "-ac", "1", "-ar", String(TARGET_SAMPLE_RATE), "pipe:1"];
  const stderr = await runFfmpeg(args, { onStdout: sink, signal });
  return parseInputAudioStream(stderr) ?? { sampleRate: TARGET_SAMPLE_RATE, channels: 1 };
}

function toFloat32(chunks: Buffer[]): Float32Array {
  const bytes = Buffer.concat(chunks);
  const samples = new Float32Array(Math.floor(bytes.length / 4));
  new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.length * 4));
  return samples;
}

/**
 * Any audio (or video with an audio track) as mono float samples at 16 kHz. 16 kHz WAV
 * (16-bit or float) is read directly; everything else goes through ffmpeg, streamed and
 * killed when `signal` aborts. Undecodable input fails with INVALID_INPUT.
 */
export async function decodeToMono16k(input: Buffer | string, signal?: AbortSignal): Promise<Float32Array> {
  const head = typeof input === "string" ? await readHead(input) : input.subarray(0, 12);
  if (isWav(head)) {
    const wav = decodeWavMono(typeof input === "string" ? await readFile(input) : input);
    if (wav && wav.sampleRate === TARGET_SAMPLE_RATE) return wav.samples;
  }
  const chunks: Buffer[] = [];
  await withFile(input, (file) => ffmpegMono16k(file, (chunk) => chunks.push(chunk), signal));
  if (signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
  const samples = toFloat32(chunks);
  if (samples.length === 0) throw new AppError("INVALID_INPUT", "The file holds no audio samples.");
  return samples;
}

/** Duration, sample rate and channels; decodes once to be sure the file really is audio. */
export async function probeAudio(input: Buffer, signal?: AbortSignal): Promise<AudioFacts> {
  if (isWav(input)) {
    const info = readWavInfo(input);
    if (decodeWavMono(input)) return { durationSeconds: info.durationSeconds, sampleRate: info.sampleRate, channels: info.channels };
  }
  let bytes = 0;
  const source = await withFile(input, (file) => ffmpegMono16k(file, (chunk) => (bytes += chunk.length), signal));
  if (bytes < 4) throw new AppError("INVALID_INPUT", "The file holds no audio samples.");
  return { durationSeconds: bytes / 4 / TARGET_SAMPLE_RATE, ...source };
}
