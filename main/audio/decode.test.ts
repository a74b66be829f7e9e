import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { decodeToMono16k, probeAudio } from "./decode";
import { runFfmpeg } from "./ffmpeg";
import { transcodeAudio } from "./transcode";
import { readWavInfo } from "./wav";

const JFK = path.resolve("../shared/models/audio/jfk.wav");
let dir: string;
let reference: Float32Array;

/** Encodes jfk.wav with the same ffmpeg the app uses. */
async function jfkAs(name: string, codecArgs: string[]): Promise<string> {
  const file = path.join(dir, name);
  await runFfmpeg(["-i", JFK, ...codecArgs, "-y", file]);
  return file;
}

function correlation(a: Float32Array, b: Float32Array, lag: number): number {
  let dot = 0, aa = 0, bb = 0;
  for (let i = 0; i + lag < b.length && i < a.length; i++) {
    const x = a[i] ?? 0, y = b[i + lag] ?? 0;
    dot += x * y; aa += x * x; bb += y * y;
  }
  return dot / Math.sqrt(aa * bb);
}

/** Best correlation over small lags: lossy codecs add a few ms of delay. */
const bestCorrelation = (a: Float32Array, b: Float32Array): number =>
  Math.max(...Array.from({ length: 1200 }, (_, lag) => correlation(a, b, lag)));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-decode-"));
  reference = await decodeToMono16k(JFK);
});

describe("decodeToMono16k", () => {
  it("reads a 16 kHz WAV directly, from a path or from bytes", async () => {
    expect(reference.length).toBe(176_000);
    expect(await decodeToMono16k(await readFile(JFK))).toEqual(reference);
  });

  it.each([
    ["jfk.mp3", ["-c:a", "libmp3lame", "-b:a", "64k"]],
    ["jfk.ogg", ["-c:a", "libvorbis", "-ar", "44100", "-ac", "2"]],
    ["jfk.flac", ["-c:a", "flac", "-ar", "22050"]],
    ["jfk.m4a", ["-c:a", "aac", "-b:a", "96k"]],
    ["jfk.webm", ["-c:a", "libopus", "-ar", "48000"]],
    ["jfk-44k-stereo.wav", ["-c:a", "pcm_s16le", "-ar", "44100", "-ac", "2"]],
  ])("decodes %s made by ffmpeg back to the same speech at 16 kHz", async (name, args) => {
    const file = await jfkAs(name, args);
    const fromPath = await decodeToMono16k(file);
    expect(Math.abs(fromPath.length - reference.length)).toBeLessThan(16_000 * 0.1);
    expect(bestCorrelation(reference, fromPath)).toBeGreaterThan(0.9);
    expect(await decodeToMono16k(await readFile(file))).toEqual(fromPath);
  });

  it("fails with INVALID_INPUT and ffmpeg's reason for bytes that are not audio", async () => {
    const result = await codeOf(decodeToMono16k(Buffer.from("this is a text file, not a song ".repeat(40))));
    expect(result).toMatch(/^INVALID_INPUT: The file could not be decoded as audio \(.+\)/);
    expect(await codeOf(decodeToMono16k(path.join(dir, "missing.mp3")))).toMatch(/^NOT_FOUND/);
  });

  it("stops ffmpeg when cancelled", async () => {
    const long = path.join(dir, "long.flac");
    await runFfmpeg(["-f", "lavfi", "-i", "anoisesrc=d=3600:r=8000", "-c:a", "flac", "-compression_level", "0", "-y", long]);
    const controller = new AbortController();
    const started = Date.now();
    const decoding = decodeToMono16k(long, controller.signal);
    setTimeout(() => controller.abort(), 100);
    expect(await codeOf(decoding)).toMatch(/^CANCELLED/);
    expect(Date.now() - started).toBeLessThan(1500);
  }, 60_000);
});

describe("probeAudio and transcodeAudio", () => {
  it("reports the source's sample rate, channels and duration", async () => {
    const ogg = await readFile(await jfkAs("probe.ogg", ["-c:a", "libvorbis", "-ar", "44100", "-ac", "2"]));
    const facts = await probeAudio(ogg);
    expect(facts).toMatchObject({ sampleRate: 44_100, channels: 2 });
    expect(facts.durationSeconds).toBeCloseTo(11, 0);
    expect(await probeAudio(await readFile(JFK))).toEqual({ durationSeconds: 11, sampleRate: 16_000, channels: 1 });
    expect(await codeOf(probeAudio(Buffer.alloc(2000, 7)))).toMatch(/^INVALID_INPUT/);
  });

  it("transcodes to a WAV whose header carries the real sizes", async () => {
    const m4a = await jfkAs("read.m4a", ["-c:a", "aac", "-ar", "24000"]);
    const wav = await transcodeAudio(m4a, "wav");
    const info = readWavInfo(wav);
    expect(info).toMatchObject({ sampleRate: 24_000, channels: 1, bitsPerSample: 16 });
    expect(info.durationSeconds).toBeCloseTo(11, 0);
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  });
});
