import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LogMelFeatures } from "./features";

/**
 * Reference log-mel computed here from the definitions, independently of transformers.js:
 * reflect-padded frames of 400 samples every 160, periodic Hann window, a direct DFT,
 * Slaney-scale triangular filters with Slaney area normalization (0–8 kHz, 80 bins),
 * log10 floored at 1e-10, clamped to (max − 8), then (x + 4) / 4.
 */
const SR = 16_000, N_FFT = 400, HOP = 160, MELS = 80, FRAMES = 3000;

const hzToMel = (hz: number): number => (hz < 1000 ? (3 * hz) / 200 : 15 + (27 * Math.log(hz / 1000)) / Math.log(6.4));
const melToHz = (mel: number): number => (mel < 15 ? (200 * mel) / 3 : 1000 * Math.exp((Math.log(6.4) * (mel - 15)) / 27));

function melFilters(): number[][] {
  const top = hzToMel(8000);
  const edges = Array.from({ length: MELS + 2 }, (_, i) => melToHz((top * i) / (MELS + 1)));
  return Array.from({ length: MELS }, (_, m) => {
    const [low, center, high] = [edges[m] ?? 0, edges[m + 1] ?? 0, edges[m + 2] ?? 0];
    return Array.from({ length: N_FFT / 2 + 1 }, (_, k) => {
      const hz = (k * SR) / N_FFT;
      const weight = Math.max(0, Math.min((hz - low) / (center - low), (high - hz) / (high - center)));
      return (weight * 2) / (high - low);
    });
  });
}

function referenceLogMel(samples: Float32Array, frames: number): number[][] {
  const padded = new Float64Array(SR * 30 + N_FFT);
  const audio = new Float64Array(SR * 30);
  audio.set(samples);
  for (let i = 0; i < padded.length; i++) {
    let j = i - N_FFT / 2;
    if (j < 0) j = -j;
    if (j >= audio.length) j = 2 * (audio.length - 1) - j;
    padded[i] = audio[j] ?? 0;
  }
  const window = Array.from({ length: N_FFT }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / N_FFT));
  const filters = melFilters();
  return Array.from({ length: frames }, (_, t) => {
    const power = Array.from({ length: N_FFT / 2 + 1 }, (_, k) => {
      let re = 0, im = 0;
      for (let n = 0; n < N_FFT; n++) {
        const x = (padded[t * HOP + n] ?? 0) * (window[n] ?? 0);
        re += x * Math.cos((2 * Math.PI * k * n) / N_FFT);
        im -= x * Math.sin((2 * Math.PI * k * n) / N_FFT);
      }
      return re * re + im * im;
    });
    return filters.map((filter) => Math.log10(Math.max(1e-10, filter.reduce((sum, w, k) => sum + w * (power[k] ?? 0), 0))));
  });
}

let features: LogMelFeatures;
beforeAll(async () => {
  features = await LogMelFeatures.load(path.resolve("../shared/models/stt/whisper-tiny.en"));
});

describe("log-mel features", () => {
  it("match the reference for a generated 1 kHz + 3 kHz tone", () => {
    const tone = Float32Array.from({ length: SR }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 1000 * i) / SR) + 0.1 * Math.sin((2 * Math.PI * 3000 * i) / SR));
    const actual = features.extract(tone);
    expect(actual.length).toBe(MELS * FRAMES);

    // The tone lasts 100 frames; every later frame is silence, floored at log10(1e-10).
    const reference = referenceLogMel(tone, 110);
    const max = Math.max(...reference.flat());
    const normalize = (value: number): number => (Math.max(value, max - 8) + 4) / 4;
    for (const frame of [0, 1, 37, 50, 99, 100, 101, 109]) {
      for (let mel = 0; mel < MELS; mel++) {
        expect(actual[mel * FRAMES + frame]).toBeCloseTo(normalize(reference[frame]?.[mel] ?? 0), 3);
      }
    }
    expect(actual[40 * FRAMES + 2000]).toBeCloseTo(normalize(-10), 5);

    // The loudest mel bin of a tone frame is the one around 1 kHz, the second peak near 3 kHz.
    const frame50 = Array.from({ length: MELS }, (_, mel) => actual[mel * FRAMES + 50] ?? 0);
    const loudest = frame50.indexOf(Math.max(...frame50));
    expect(melToHz((hzToMel(8000) * (loudest + 1)) / (MELS + 1))).toBeGreaterThan(900);
    expect(melToHz((hzToMel(8000) * (loudest + 1)) / (MELS + 1))).toBeLessThan(1100);
  });

  it("zero-pads short audio and cuts audio longer than 30 s", () => {
    const long = new Float32Array(SR * 31).fill(0.01);
    long.fill(0, SR * 30);
    const cut = features.extract(long);
    const exact = features.extract(long.subarray(0, SR * 30));
    expect(cut).toEqual(exact);
    const silent = features.extract(new Float32Array(10));
    expect(new Set(silent).size).toBe(1);
  });

  it("are shaped by preprocessor_config.json and reject inconsistent sizes", async () => {
    const config = JSON.parse(await readFile(path.resolve("../shared/models/stt/whisper-tiny.en/preprocessor_config.json"), "utf8")) as Record<string, unknown>;
    const dir = await mkdtemp(path.join(os.tmpdir(), "whisper-preprocessor-"));
    const file = path.join(dir, "preprocessor_config.json");
    await writeFile(file, JSON.stringify({ ...config, feature_size: 128, chunk_length: 10, n_samples: undefined, nb_max_frames: undefined }));
    const shaped = await LogMelFeatures.load(dir);
    expect([shaped.melBins, shaped.frames, shaped.windowSamples]).toEqual([128, 1000, 160_000]);
    expect(shaped.extract(new Float32Array(SR)).length).toBe(128 * 1000);
    await writeFile(file, JSON.stringify({ ...config, nb_max_frames: 1500 }));
    await expect(LogMelFeatures.load(dir)).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
    await writeFile(file, JSON.stringify({ ...config, n_fft: 401 }));
    await expect(LogMelFeatures.load(dir)).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
    await rm(dir, { recursive: true, force: true });
  });
});
