import { readFile } from "node:fs/promises";
import path from "node:path";
import { WhisperFeatureExtractor } from "@huggingface/transformers";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeToMono16k } from "../../../audio/decode";
import { JFK_WAV } from "../stt-test-kit";
import { LogMelFeatures } from "./features";
import { LogMelSpectrogram } from "./log-mel";

/**
 * Our log-mel against transformers.js's WhisperFeatureExtractor (kept only as this test's
 * reference), on real speech, a tone, noise and short or silent audio, with 80 and 128 bins.
 */
const MODEL_DIR = path.resolve("../shared/models/stt/whisper-tiny.en");
const SR = 16_000;

let config: Record<string, unknown>;
let jfk: Float32Array;
beforeAll(async () => {
  config = JSON.parse(await readFile(path.join(MODEL_DIR, "preprocessor_config.json"), "utf8")) as Record<string, unknown>;
  jfk = await decodeToMono16k(JFK_WAV);
});

async function reference(samples: Float32Array, melBins = 80): Promise<Float32Array> {
  const extractor = new WhisperFeatureExtractor({ ...config, feature_size: melBins });
  const { data } = (await extractor._call(samples)).input_features;
  if (!(data instanceof Float32Array)) throw new Error("transformers.js returned no Float32Array");
  return data;
}

function maxDifference(actual: Float32Array, expected: Float32Array): number {
  expect(actual.length).toBe(expected.length);
  return actual.reduce((max, value, i) => Math.max(max, Math.abs(value - (expected[i] ?? Number.NaN))), 0);
}

const tone = (seconds: number): Float32Array =>
  Float32Array.from({ length: SR * seconds }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / SR) + 0.1 * Math.sin((2 * Math.PI * 3000 * i) / SR));

function noise(length: number): Float32Array {
  let state = 42;
  return Float32Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return (state / 2_147_483_648 - 0.5) * 0.2;
  });
}

describe("log-mel equals transformers.js's WhisperFeatureExtractor", () => {
  it("on jfk.wav (11 s of speech, zero-padded to 30 s)", async () => {
    const features = await LogMelFeatures.load(MODEL_DIR);
    const actual = features.extract(jfk);
    expect(actual.length).toBe(80 * 3000);
    expect(maxDifference(actual, await reference(jfk))).toBeLessThan(1e-5);
    // Speech is in there: frames of the spoken part differ from the padded silence.
    expect(actual[20 * 3000 + 300]).not.toBeCloseTo(actual[20 * 3000 + 2500] ?? 0, 1);
  });

  it("on a 1 kHz + 3 kHz tone, on 31 s of noise (cut to 30 s) and on 10 samples", async () => {
    const features = await LogMelFeatures.load(MODEL_DIR);
    for (const samples of [tone(1), noise(SR * 31), noise(10)]) {
      expect(maxDifference(features.extract(samples), await reference(samples))).toBeLessThan(1e-5);
    }
  });

  it("with 128 mel bins (large-v3's feature_size)", async () => {
    const spectrogram = new LogMelSpectrogram({ sampleRate: SR, nFft: 400, hop: 160, windowSamples: SR * 30, mels: 128 });
    const actual = spectrogram.compute(jfk);
    expect(actual.length).toBe(128 * 3000);
    expect(maxDifference(actual, await reference(jfk, 128))).toBeLessThan(1e-5);
  });

  it("gives the same output twice from one instance (its buffers are reused)", async () => {
    const features = await LogMelFeatures.load(MODEL_DIR);
    const first = features.extract(jfk);
    features.extract(tone(2));
    expect(maxDifference(features.extract(jfk), first)).toBe(0);
  });
});
