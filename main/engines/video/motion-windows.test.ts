import { afterAll, describe, expect, inject, it } from "vitest";
import { directClip } from "./testing/direct-clip";
import { meanAbsDiff, motionInput, readClip, startVideoHost } from "./testing/motion-test-support";

/** Clips longer than the model's 16-frame window, on the real engine process. */
describe("video engine: clips longer than one window", () => {
  const fixtures = inject("motionFixtures");
  const { host } = startVideoHost();
  afterAll(() => host.stop());

  it("makes 2.5 windows (40 frames) with exactly 40 frames, each the pyramid-weighted blend of the raw UNet calls", async () => {
    const input = await motionInput(fixtures.locomotion, { frames: 40, steps: 1, cfgScale: 1, sampler: "ddim", width: 32, height: 16, seed: 5 });
    const output = await host.call("generate", input);
    expect(output.files).toHaveLength(40);
    expect(output.files.at(-1)).toBe("frame-00039.png");
    // Windows at 0, 12 and 24 (overlap 4): three UNet calls for the one step, then 40 decodes.
    expect(output).toMatchObject({ windows: 3, contextSize: 16, parameters: { contextOverlap: 4 } });
    expect(output.stats.sessionRuns).toBe(1 + 3 + 40);

    const frames = await readClip(output, input.outputDir);
    const expected = await directClip(fixtures.locomotion, input, [0, 12, 24]);
    frames.forEach((frame, i) => {
      const want = Buffer.from(expected[i] ?? new Uint8Array());
      // Equal up to float rounding of a byte here and there.
      expect(meanAbsDiff(frame.pixels, want), `frame ${i}`).toBeLessThan(0.05);
    });
    // No frame is a copy of another (no window repeated or wrapped around).
    const distinct = new Set(frames.map((frame) => frame.pixels.toString("base64")));
    expect(distinct.size).toBe(40);
  });

  it("honours the overlap asked for and refuses one as long as the window", async () => {
    const output = await host.call("generate", await motionInput(fixtures.locomotion, { frames: 40, steps: 1, contextOverlap: 8, width: 16, height: 16 }));
    // Starts 0, 8, 16, 24: four windows, two calls each (guided, batch fixed at 1).
    expect(output).toMatchObject({ windows: 4, parameters: { contextOverlap: 8 } });
    expect(output.stats.sessionRuns).toBe(2 + 4 * 2 + 40);
    await expect(host.call("generate", await motionInput(fixtures.locomotion, { frames: 40, contextOverlap: 16 }))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "The window overlap must be smaller than the model's window of 16 frames (got 16).",
    });
  });

  it("gives the float16 export's 8-frame windows a blended clip of any length", async () => {
    const input = await motionInput(fixtures.motionFp16, { frames: 21, steps: 2, width: 16, height: 16 });
    const output = await host.call("generate", input);
    // Window 8, overlap 2: starts 0, 6, 12 and 13; guidance batched: one call per window per step.
    expect(output).toMatchObject({ windows: 4, contextSize: 8 });
    expect(output.stats.sessionRuns).toBe(2 + 2 * 4 + 21);
    expect(await readClip(output, input.outputDir)).toHaveLength(21);
  });
});
