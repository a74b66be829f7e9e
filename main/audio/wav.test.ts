import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { decodeWavMono, encodeWav, readWavInfo } from "./wav";

const JFK = path.resolve("../shared/models/audio/jfk.wav");

function floatStereoWav(left: number[], right: number[], sampleRate: number): Buffer {
  const frames = left.length;
  const out = Buffer.alloc(44 + frames * 8);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + frames * 8, 4);
  out.write("WAVEfmt ", 8, "ascii");
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(3, 20);
  out.writeUInt16LE(2, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * 8, 28);
  out.writeUInt16LE(8, 32);
  out.writeUInt16LE(32, 34);
  out.write("data", 36, "ascii");
  out.writeUInt32LE(frames * 8, 40);
  for (let i = 0; i < frames; i++) {
    out.writeFloatLE(left[i] ?? 0, 44 + i * 8);
    out.writeFloatLE(right[i] ?? 0, 48 + i * 8);
  }
  return out;
}

describe("WAV", () => {
  it("reads the header of the real jfk.wav", () => {
    const info = readWavInfo(readFileSync(JFK));
    expect(info).toMatchObject({ sampleRate: 16_000, channels: 1, format: 1, bitsPerSample: 16 });
    expect(info.durationSeconds).toBeCloseTo(11.0, 1);
  });

  it("round-trips samples through encodeWav within 16-bit precision, clamping out-of-range values", () => {
    const samples = Float32Array.from([0, 0.5, -0.5, 1, -1, 2, -2, 0.25]);
    const wav = encodeWav(samples, 22_050);
    expect(readWavInfo(wav)).toMatchObject({ sampleRate: 22_050, channels: 1, durationSeconds: 8 / 22_050 });
    const decoded = decodeWavMono(wav);
    expect(decoded?.sampleRate).toBe(22_050);
    const expected = [0, 0.5, -0.5, 1, -1, 1, -1, 0.25];
    expected.forEach((value, i) => expect(decoded?.samples[i]).toBeCloseTo(value, 4));
  });

  it("mixes float stereo down to mono", () => {
    const decoded = decodeWavMono(floatStereoWav([1, 0.5, -1], [0, 0.5, 1], 48_000));
    expect(decoded?.channels).toBe(2);
    expect(Array.from(decoded?.samples ?? [])).toEqual([0.5, 0.5, 0]);
  });

  it("leaves encodings it does not read (8-bit PCM) to ffmpeg, and refuses what is not a WAV", () => {
    const eightBit = encodeWav(new Float32Array(4), 8000);
    eightBit.writeUInt16LE(8, 34);
    expect(decodeWavMono(eightBit)).toBeUndefined();
    expect(() => readWavInfo(Buffer.from("definitely not a wav file"))).toThrowError(AppError);
    expect(() => readWavInfo(Buffer.from("RIFF\0\0\0\0WAVEdata\0\0\0\0"))).toThrow(/format chunk/);
  });
});
