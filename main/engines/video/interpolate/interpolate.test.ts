import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { RgbImage } from "../../image/image-codec";
import { interpolateFrames, type InterpolationFactor } from "./interpolate-frames";
import { loadRife, type LoadedRife } from "./rife-model";
import { blendFrame, progressCollector, testFrame } from "./testing/rife-test-support";

const fixtures = inject("rifeFixtures");

async function run(rife: LoadedRife, frames: RgbImage[], factor: InterpolationFactor, context = progressCollector()): Promise<RgbImage[]> {
  const out: RgbImage[] = [];
  async function* source(): AsyncGenerator<RgbImage> {
    yield* frames;
  }
  await interpolateFrames(rife, { count: frames.length, frames: source() }, factor, context, async (frame) => void out.push(frame));
  return out;
}

describe("RIFE interpolation", () => {
  let rife: LoadedRife;
  beforeAll(async () => {
    rife = await loadRife("rife-test", fixtures.rife, "cpu");
  });
  afterAll(() => rife.session.release());

  it("×2 yields 2F − 1 frames, calling RIFE once per pair at timestep 0.5", async () => {
    const frames = Array.from({ length: 5 }, (_, i) => testFrame(i, 64, 32));
    const runsBefore = rife.clock.runs;
    const context = progressCollector();
    const out = await run(rife, frames, 2, context);
    expect(out).toHaveLength(2 * 5 - 1);
    expect(rife.clock.runs - runsBefore).toBe(4);
    expect(context.events).toEqual([1, 2, 3, 4].map((step) => ({ step, total: 4 })));
    for (let i = 0; i < 5; i++) expect(out[2 * i]?.pixels).toEqual(frames[i]?.pixels);
    for (let i = 0; i < 4; i++) {
      const [a, b] = [frames[i], frames[i + 1]];
      if (!a || !b) throw new Error("unreachable");
      expect(out[2 * i + 1]?.pixels).toEqual(blendFrame(a, b, 0.5));
    }
  });

  it("×4 yields 4F − 3 frames at timesteps 0.25, 0.5 and 0.75", async () => {
    const frames = Array.from({ length: 3 }, (_, i) => testFrame(i, 32, 32));
    const runsBefore = rife.clock.runs;
    const out = await run(rife, frames, 4);
    expect(out).toHaveLength(4 * 3 - 3);
    expect(rife.clock.runs - runsBefore).toBe(3 * 2);
    const [a, b] = [frames[1], frames[2]];
    if (!a || !b) throw new Error("unreachable");
    expect(out.slice(4, 9).map((frame) => frame.pixels)).toEqual([a.pixels, blendFrame(a, b, 0.25), blendFrame(a, b, 0.5), blendFrame(a, b, 0.75), b.pixels]);
  });

  it("pads frames to multiples of 32 for the model and crops the result back", async () => {
    // The fixture fails on sizes that are not multiples of 32 (see scripts/fixtures/onnx/rife.test.ts).
    const frames = [testFrame(0, 50, 30), testFrame(1, 50, 30)];
    const out = await run(rife, frames, 2);
    expect(out.map((frame) => [frame.width, frame.height])).toEqual([[50, 30], [50, 30], [50, 30]]);
    const [a, b] = frames;
    if (!a || !b) throw new Error("unreachable");
    expect(out[1]?.pixels).toEqual(blendFrame(a, b, 0.5));
  });

  it("feeds a model that takes the timestep as a [1,1,H,W] map", async () => {
    const mapped = await loadRife("rife-map", fixtures.rifeTimestepMap, "cpu");
    try {
      expect(mapped.timestepRank).toBe(4);
      const frames = [testFrame(0, 40, 24), testFrame(3, 40, 24)];
      const out = await run(mapped, frames, 2);
      const [a, b] = frames;
      if (!a || !b) throw new Error("unreachable");
      expect(out[1]?.pixels).toEqual(blendFrame(a, b, 0.5));
    } finally {
      await mapped.session.release();
    }
  });

  it("stops between pairs when cancelled", async () => {
    const controller = new AbortController();
    const context = progressCollector(controller.signal);
    const emit = context.emit;
    context.emit = (event) => {
      emit(event);
      if (event.step === 2) controller.abort();
    };
    const frames = Array.from({ length: 8 }, (_, i) => testFrame(i, 32, 32));
    const runsBefore = rife.clock.runs;
    await expect(run(rife, frames, 2, context)).rejects.toMatchObject({ code: "CANCELLED" });
    expect(rife.clock.runs - runsBefore).toBe(2);
    expect(context.events.map((event) => event.step)).toEqual([1, 2]);
  });

  it("refuses frames of different sizes and a single frame", async () => {
    await expect(run(rife, [testFrame(0, 32, 32), testFrame(1, 64, 32)], 2)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("Frame 2 is 64×32") });
    await expect(run(rife, [testFrame(0, 32, 32)], 2)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("loading RIFE models", () => {
  const images = inject("imageFixtures");
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "atelier-rife-load-"));
  });

  it("refuses a model without img0, img1 and timestep, naming what it has", async () => {
    await expect(loadRife("not-rife", images.upscaler2x, "cpu")).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringContaining('has no input "img0" (it has: input)') });
  });

  it("says when the model is missing or its folder holds no single .onnx", async () => {
    await expect(loadRife("gone", path.join(dir, "gone"), "cpu")).rejects.toMatchObject({ code: "MODEL_NOT_INSTALLED" });
    expect(await readdir(dir)).toEqual([]);
    await expect(loadRife("empty", dir, "cpu")).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringContaining("found none") });
  });
});
