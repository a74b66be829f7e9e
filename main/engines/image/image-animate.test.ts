import { readdir } from "node:fs/promises";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { AnimateProgress } from "./animate/animate-types";
import { animateInput, framePixels, readFrames } from "./testing/animate-test-support";
import { decodePng, drawnDataUrl, generateInput, startImageHost } from "./testing/image-test-support";

/** The real image engine process on the generated Stable Diffusion fixture: prompt travel. */
describe("image engine: keyframe animation, prompt travel", () => {
  const fixtures = inject("imageFixtures");
  const { host } = startImageHost();
  afterAll(() => host.stop());

  it("writes exactly the requested frames, each of the requested size", async () => {
    const input = await animateInput(fixtures.sd15, { frames: 7 });
    const output = await host.call("animate", input);
    expect(output.files).toEqual(["frame-00000.png", "frame-00001.png", "frame-00002.png", "frame-00003.png", "frame-00004.png", "frame-00005.png", "frame-00006.png"]);
    expect((await readdir(input.outputDir)).sort()).toEqual(output.files);
    for (const png of await readFrames(input, output)) expect(await decodePng(png.toString("base64"))).toMatchObject({ format: "png", width: 64, height: 48 });
    expect(output).toMatchObject({ width: 64, height: 48, fps: 8, mode: "prompt-travel" });
    expect(output.parameters).toMatchObject({ modelId: input.load.modelId, frames: 7, seedIncrement: 0, negativePrompt: "blurry", initImage: false });
    // Two keyframes' prompts encoded once each (prompt + negative), 3 steps and a decode per frame.
    expect(output.stats.sessionRuns).toBe(2 * 2 + 7 * (3 + 1));
  });

  it("makes each keyframe's frame exactly as a plain generation with its prompt and seed, and travels between them", async () => {
    const input = await animateInput(fixtures.sd15);
    const output = await host.call("animate", input);
    const plain = async (prompt: string, seed: number) =>
      (await decodePng((await host.call("generate", generateInput(fixtures.sd15, { prompt, seed, steps: 3, sampler: "euler_a" }))).pngBase64)).pixels;
    const first = await framePixels(input, output.files[0]);
    const last = await framePixels(input, output.files[4]);
    expect(first.equals(await plain("a lighthouse on a cliff at dawn", 5))).toBe(true);
    expect(last.equals(await plain("a red fox in the snow", 9))).toBe(true);
    const middle = await framePixels(input, output.files[2]);
    expect(middle.equals(first) || middle.equals(last)).toBe(false);
  });

  it("gives keyframes without a seed the seed of their frame (seed + frame · seedIncrement), and holds the last keyframe after it", async () => {
    const input = await animateInput(fixtures.sd15, {
      keyframes: [{ frame: 0, prompt: "a lighthouse" }, { frame: 2, prompt: "a fox" }],
      frames: 4,
      seed: 20,
      seedIncrement: 3,
      sampler: "euler",
    });
    const output = await host.call("animate", input);
    const plain = await host.call("generate", generateInput(fixtures.sd15, { prompt: "a fox", seed: 26, steps: 3, sampler: "euler" }));
    const atKeyframe = await framePixels(input, output.files[2]);
    expect(atKeyframe.equals((await decodePng(plain.pngBase64)).pixels)).toBe(true);
    // Euler is deterministic given its start: frames after the last keyframe repeat it.
    expect((await framePixels(input, output.files[3])).equals(atKeyframe)).toBe(true);
  });

  it("gives identical frames for the same request, and other frames for another seed", async () => {
    const request = await animateInput(fixtures.sd15);
    const first = await readFrames(request, await host.call("animate", request));
    const again = await animateInput(fixtures.sd15);
    expect(await readFrames(again, await host.call("animate", again))).toEqual(first);
    const otherSeed = await animateInput(fixtures.sd15, { keyframes: request.keyframes.map((keyframe) => ({ ...keyframe, seed: (keyframe.seed ?? 0) + 1 })) });
    const other = await readFrames(otherSeed, await host.call("animate", otherSeed));
    expect(other.some((png, i) => png.equals(first[i] ?? Buffer.alloc(0)))).toBe(false);
  });

  it("reports every step of every frame and every finished frame, with previews at most ~4 per second", async () => {
    const events: AnimateProgress[] = [];
    const output = await host.call("animate", await animateInput(fixtures.sd15), { onEvent: (event) => events.push(event) });
    const done = events.filter((event) => event.phase === "frame");
    expect(done.map((event) => [event.frame, event.step, event.total])).toEqual([0, 1, 2, 3, 4].map((frame) => [frame, frame + 1, 5]));
    const steps = events.filter((event) => event.phase === "denoise");
    expect(steps.map((event) => `${event.frame}:${event.step}/${event.total}`)).toEqual([0, 1, 2, 3, 4].flatMap((frame) => [1, 2, 3].map((step) => `${frame}:${step}/3`)));
    expect(events.every((event) => event.frames === 5)).toBe(true);
    const previews = events.flatMap((event) => (event.preview ? [event] : []));
    expect(previews.length).toBeGreaterThanOrEqual(1);
    expect(previews.length).toBeLessThanOrEqual(1 + Math.ceil(output.stats.durationMs / 250));
    for (const event of previews) expect(event.preview).toMatch(/^data:image\/png;base64,/);
  });

  it("makes every frame image-to-image of an init image when one is given", async () => {
    const initImage = await drawnDataUrl(64, 48, (x, y) => [x * 4, y * 5, 128]);
    const input = await animateInput(fixtures.sd15, { initImage, keyframes: [{ frame: 0, prompt: "a lighthouse", seed: 5, strength: 0.4 }], frames: 2 });
    const output = await host.call("animate", input);
    const plain = await host.call("generate", generateInput(fixtures.sd15, { prompt: "a lighthouse", seed: 5, steps: 3, initImage, strength: 0.4 }));
    expect((await framePixels(input, output.files[0])).equals((await decodePng(plain.pngBase64)).pixels)).toBe(true);
    expect(output.parameters.initImage).toBe(true);
  });

  it("stops between frames or steps when cancelled, then serves the next job", async () => {
    const controller = new AbortController();
    const input = await animateInput(fixtures.sd15, { frames: 200, steps: 20, width: 256, height: 256 });
    const call = host.call("animate", input, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.phase === "frame" && event.frame === 1) controller.abort();
      },
    });
    await expect(call).rejects.toMatchObject({ code: "CANCELLED" });
    expect((await readdir(input.outputDir)).length).toBeLessThan(10);
    const next = await host.call("animate", await animateInput(fixtures.sd15, { frames: 2 }));
    expect(next.files).toHaveLength(2);
  });

  it("refuses bad keyframes and sizes with a clear error", async () => {
    const twice = await animateInput(fixtures.sd15, { keyframes: [{ frame: 3, prompt: "a" }, { frame: 3, prompt: "b" }] });
    await expect(host.call("animate", twice)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/same frame/) });
    await expect(host.call("animate", await animateInput(fixtures.sd15, { keyframes: [] }))).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/keyframe/) });
    await expect(host.call("animate", await animateInput(fixtures.sd15, { width: 60 }))).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/multiple of 8/) });
  });
});
