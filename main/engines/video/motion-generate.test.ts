import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MOTION_SAMPLERS } from "./methods";
import { meanAbsDiff, motionInput, progressLog, readClip, startVideoHost } from "./testing/motion-test-support";

/** The real video engine process (out/main/engine-video.js) on the generated Locomotion-layout pipelines. */
describe("video engine: text to video on a motion pipeline", () => {
  const fixtures = inject("motionFixtures");
  const { host, logger } = startVideoHost();
  afterAll(() => host.stop());

  it("writes exactly the requested frames at the requested size, and says how it ran", async () => {
    const input = await motionInput(fixtures.locomotion, { frames: 5, width: 48, height: 32 });
    const output = await host.call("generate", input);
    expect(output.files).toEqual(["frame-00000.png", "frame-00001.png", "frame-00002.png", "frame-00003.png", "frame-00004.png"]);
    const frames = await readClip(output, input.outputDir);
    for (const frame of frames) expect(frame).toMatchObject({ format: "png", width: 48, height: 32 });
    expect(output).toMatchObject({ width: 48, height: 32, fps: 8, mode: "text-to-video", contextSize: 16, windows: 1 });
    expect(output.parameters).toEqual({
      prompt: input.prompt, negativePrompt: "blurry", frames: 5, fps: 8, width: 48, height: 32, steps: 3,
      cfgScale: 2, sampler: "ddim", seed: 7, strength: 0.75, contextOverlap: 4, modelId: input.load.modelId,
    });
    // The export fixes 16 frames and batch 1: per step one uncond and one cond call on the whole window;
    // prompt + negative encoded once; only the 5 kept frames decoded.
    expect(output.stats.sessionRuns).toBe(2 + 3 * 2 + 5);
    expect(output.stats.provider).toBe("cpu");
    // Frames differ from each other (each has its own noise) but belong to one clip.
    expect(meanAbsDiff(frames[0]?.pixels ?? Buffer.alloc(0), frames[1]?.pixels ?? Buffer.alloc(0))).toBeGreaterThan(0);
  });

  it("gives identical frames for the same seed and settings, different ones for another seed or prompt", async () => {
    const bytes = async (overrides: Parameters<typeof motionInput>[1]) => {
      const input = await motionInput(fixtures.locomotion, overrides);
      const output = await host.call("generate", input);
      return Promise.all(output.files.map((file) => readFile(path.join(input.outputDir, file))));
    };
    const first = await bytes({ seed: 42 });
    const again = await bytes({ seed: 42 });
    expect(again).toEqual(first);
    const other = await bytes({ seed: 43 });
    other.forEach((frame, i) => expect(frame.equals(first[i] ?? Buffer.alloc(0))).toBe(false));
    const prompt = await bytes({ seed: 42, prompt: "a red fox in snow" });
    expect(prompt[0]?.equals(first[0] ?? Buffer.alloc(0))).toBe(false);
  });

  it("reports every step with a first-frame preview at most ~4 per second, then every decoded frame", async () => {
    const progress = progressLog();
    const output = await host.call("generate", await motionInput(fixtures.locomotion, { steps: 6, frames: 3 }), { onEvent: progress.onEvent });
    const denoise = progress.events.filter((event) => event.phase === "denoise");
    expect(denoise.map((event) => [event.step, event.total])).toEqual([1, 2, 3, 4, 5, 6].map((step) => [step, 6]));
    expect(progress.events.filter((event) => event.phase === "decode").map((event) => [event.step, event.total])).toEqual([[1, 3], [2, 3], [3, 3]]);
    const previews = denoise.flatMap((event) => (event.preview ? [event.preview] : []));
    expect(previews.length).toBeGreaterThanOrEqual(1);
    expect(previews.length).toBeLessThanOrEqual(1 + Math.ceil(output.stats.durationMs / 250));
    const preview = await sharp(Buffer.from(previews[0]?.split(",")[1] ?? "", "base64")).metadata();
    expect(preview).toMatchObject({ format: "png", width: 6, height: 4 });
  });

  it("runs the float16 export with dynamic axes: its window from amuse_template.json, guidance batched", async () => {
    const input = await motionInput(fixtures.motionFp16, { frames: 5 });
    const output = await host.call("generate", input);
    // Dynamic frames: one window of exactly the 5 frames; both guidance halves in one call per step.
    expect(output).toMatchObject({ contextSize: 8, windows: 1 });
    expect(output.stats.sessionRuns).toBe(2 + 3 + 5);
    const frames = await readClip(output, input.outputDir);
    expect(frames).toHaveLength(5);
    for (const frame of frames) expect(frame).toMatchObject({ width: 48, height: 32 });
  });

  it("runs every sampler, and runs the prompt alone at CFG ≤ 1", async () => {
    const firstFrames: Buffer[] = [];
    for (const sampler of MOTION_SAMPLERS) {
      const input = await motionInput(fixtures.locomotion, { sampler, frames: 2 });
      const output = await host.call("generate", input);
      firstFrames.push(await readFile(path.join(input.outputDir, output.files[0] ?? "")));
    }
    expect(new Set(firstFrames.map((frame) => frame.toString("base64"))).size).toBe(MOTION_SAMPLERS.length);
    const unguided = await host.call("generate", await motionInput(fixtures.locomotion, { cfgScale: 1, frames: 2, steps: 4, sampler: "lcm" }));
    expect(unguided.stats.sessionRuns).toBe(1 + 4 + 2);
    expect(logger.lines.filter((line) => line.level === "error")).toEqual([]);
  });
});
