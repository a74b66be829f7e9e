import path from "node:path";
import { InferenceSession } from "onnxruntime-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeToMono16k } from "../../audio/decode";
import { speechRegions } from "./speech-timestamps";
import { detectSpeech, speechProbabilities, VAD_WINDOW } from "./vad";

const SILERO = path.resolve("../shared/models/vad/silero_vad.onnx");
const JFK = path.resolve("../shared/models/audio/jfk.wav");
let session: InferenceSession;

beforeAll(async () => {
  session = await InferenceSession.create(SILERO, { intraOpNumThreads: 1 });
});
afterAll(async () => {
  await session.release();
});

describe("Silero VAD on real audio", () => {
  it("scores jfk.wav as the README measured: 233 of 343 windows, first at 0.35 s, last ending 10.98 s", async () => {
    const probabilities = await speechProbabilities(session, await decodeToMono16k(JFK));
    expect(probabilities.length).toBe(344);
    const above = [...probabilities.keys()].filter((i) => (probabilities[i] ?? 0) > 0.5);
    expect(above.length).toBeGreaterThanOrEqual(230);
    expect(above.length).toBeLessThanOrEqual(236);
    expect(((above[0] ?? 0) * VAD_WINDOW) / 16_000).toBeCloseTo(0.35, 1);
    expect((((above.at(-1) ?? 0) + 1) * VAD_WINDOW) / 16_000).toBeCloseTo(10.98, 1);
  });

  it("finds speech in jfk.wav from about 0.3 s to about 10.5-11 s", async () => {
    const regions = await detectSpeech(session, await decodeToMono16k(JFK));
    expect(regions.length).toBeGreaterThan(0);
    expect(regions[0]?.start).toBeGreaterThan(0.2);
    expect(regions[0]?.start).toBeLessThan(0.4);
    expect(regions.at(-1)?.end).toBeGreaterThan(10.4);
    expect(regions.at(-1)?.end).toBeLessThanOrEqual(11);
    for (const [i, region] of regions.entries()) {
      expect(region.end).toBeGreaterThan(region.start);
      if (i > 0) expect(region.start).toBeGreaterThanOrEqual(regions[i - 1]?.end ?? 0);
    }
  });

  it("finds none in generated silence and none in faint noise", async () => {
    expect(await detectSpeech(session, new Float32Array(16_000 * 5))).toEqual([]);
    let seed = 7;
    const noise = Float32Array.from({ length: 16_000 * 3 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.002);
    expect(await detectSpeech(session, noise)).toEqual([]);
  });

  it("scores long audio in batched streams, faster, with region edges within a window of one sequential pass", async () => {
    const jfk = await decodeToMono16k(JFK);
    const montage = new Float32Array(16_000 * 180);
    for (let at = 0; at + jfk.length < montage.length; at += 16_000 * 23) montage.set(jfk, at);
    const started = performance.now();
    const sequential = await speechProbabilities(session, montage, { maxStreams: 1 });
    const sequentialMs = performance.now() - started;
    const batchStarted = performance.now();
    const batched = await speechProbabilities(session, montage);
    const batchedMs = performance.now() - batchStarted;
    const meanDifference = batched.reduce((sum, value, i) => sum + Math.abs(value - (sequential[i] ?? 0)), 0) / batched.length;
    expect(meanDifference).toBeLessThan(0.01);
    const fromBatches = await detectSpeech(session, montage);
    const fromOnePass = await detectSpeech(session, montage, { maxStreams: 1 });
    expect(fromBatches).toHaveLength(fromOnePass.length);
    fromBatches.forEach((region, i) => {
      expect(Math.abs(region.start - (fromOnePass[i]?.start ?? 0))).toBeLessThanOrEqual(0.033);
      expect(Math.abs(region.end - (fromOnePass[i]?.end ?? 0))).toBeLessThanOrEqual(0.033);
    });
    expect(batchedMs).toBeLessThan(sequentialMs);
  }, 60_000);

  it("stops between windows when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(speechProbabilities(session, new Float32Array(16_000), { signal: controller.signal })).rejects.toMatchObject({ code: "CANCELLED" });
  });
});

describe("speechRegions (silero get_speech_timestamps semantics)", () => {
  const at = (windows: number) => (windows * VAD_WINDOW) / 16_000;
  const probs = (pattern: [number, number][]) => pattern.flatMap(([value, count]) => Array<number>(count).fill(value));

  it("pads regions by 30 ms and joins nothing across a long silence", () => {
    const p = probs([[0.1, 10], [0.9, 20], [0.1, 20], [0.9, 20], [0.1, 10]]);
    const regions = speechRegions(p, p.length * VAD_WINDOW, 16_000, VAD_WINDOW);
    expect(regions).toHaveLength(2);
    expect(regions[0]?.start).toBeCloseTo(at(10) - 0.03, 5);
    expect(regions[0]?.end).toBeCloseTo(at(30) + 0.03, 5);
    expect(regions[1]?.start).toBeCloseTo(at(50) - 0.03, 5);
  });

  it("bridges a dip shorter than 100 ms, drops speech shorter than 250 ms, keeps hysteresis above 0.35", () => {
    const dip = probs([[0.9, 20], [0.1, 2], [0.9, 20], [0.1, 10]]);
    expect(speechRegions(dip, dip.length * VAD_WINDOW, 16_000, VAD_WINDOW)).toHaveLength(1);
    const blip = probs([[0.1, 5], [0.9, 5], [0.1, 20]]);
    expect(speechRegions(blip, blip.length * VAD_WINDOW, 16_000, VAD_WINDOW)).toEqual([]);
    const hover = probs([[0.9, 10], [0.4, 30], [0.1, 10]]);
    const [region] = speechRegions(hover, hover.length * VAD_WINDOW, 16_000, VAD_WINDOW);
    expect(region?.end).toBeCloseTo(at(40) + 0.03, 5);
  });

  it("runs a region still open at the end to the end of the audio", () => {
    const p = probs([[0.1, 5], [0.9, 30]]);
    const regions = speechRegions(p, p.length * VAD_WINDOW - 100, 16_000, VAD_WINDOW);
    expect(regions.at(-1)?.end).toBeCloseTo((p.length * VAD_WINDOW - 100) / 16_000, 5);
  });
});
