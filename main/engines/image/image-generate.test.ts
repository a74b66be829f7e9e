import { afterAll, describe, expect, inject, it } from "vitest";
import type { Sampler } from "../../../shared/image";
import { decodePng, distinctColours, generateInput, progressLog, startImageHost } from "./testing/image-test-support";

/** The real image engine process (out/main/engine-image.js) on the generated Stable Diffusion fixtures. */
describe("image engine: text to image", () => {
  const fixtures = inject("imageFixtures");
  const { host, logger } = startImageHost();
  afterAll(() => host.stop());

  it.each([
    [64, 48],
    [72, 64],
  ])("returns a PNG of the requested %i×%i size", async (width, height) => {
    const output = await host.call("generate", generateInput(fixtures.sd15, { width, height }));
    const png = await decodePng(output.pngBase64);
    expect(png).toMatchObject({ format: "png", width, height });
    expect(output).toMatchObject({ width, height, mode: "txt2img" });
    expect(distinctColours(png.pixels)).toBeGreaterThan(20);
    expect(output.stats.provider).toBe("cpu");
    expect(output.stats.peakRssBytes).toBeGreaterThan(10e6);
  });

  it("gives identical bytes for the same seed and settings, and a different image for another seed", async () => {
    const first = await host.call("generate", generateInput(fixtures.sd15, { seed: 42 }));
    const again = await host.call("generate", generateInput(fixtures.sd15, { seed: 42 }));
    const other = await host.call("generate", generateInput(fixtures.sd15, { seed: 43 }));
    expect(again.pngBase64).toBe(first.pngBase64);
    expect(other.pngBase64).not.toBe(first.pngBase64);
    const prompt = await host.call("generate", generateInput(fixtures.sd15, { seed: 42, prompt: "a red fox" }));
    expect(prompt.pngBase64).not.toBe(first.pngBase64);
  });

  it("reports progress once per step, with a latent preview at most ~4 per second", async () => {
    const progress = progressLog();
    const output = await host.call("generate", generateInput(fixtures.sd15, { steps: 12 }), { onEvent: progress.onEvent });
    expect(progress.events.map((event) => event.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(progress.events.every((event) => event.total === 12)).toBe(true);
    const previews = progress.events.flatMap((event) => (event.preview ? [event.preview] : []));
    // The first step always previews; tiny fixtures run 12 steps in well under a second.
    expect(previews.length).toBeGreaterThanOrEqual(1);
    expect(previews.length).toBeLessThanOrEqual(1 + Math.ceil(output.stats.durationMs / 250));
    expect(previews[0]).toMatch(/^data:image\/png;base64,/);
    // At latent resolution (64×48 → 8×6), readable by other decoders.
    const preview = await decodePng(previews[0]?.split(",")[1] ?? "");
    expect(preview).toMatchObject({ format: "png", width: 8, height: 6 });
  });

  it("stops between steps when cancelled and then serves the next job", async () => {
    const controller = new AbortController();
    const progress = progressLog();
    const call = host.call("generate", generateInput(fixtures.sd15, { steps: 150, width: 768, height: 768 }), {
      signal: controller.signal,
      onEvent: (event) => {
        progress.onEvent(event);
        if (event.step === 3) controller.abort();
      },
    });
    await expect(call).rejects.toMatchObject({ code: "CANCELLED" });
    expect(progress.events.length).toBeLessThan(150);
    const next = await host.call("generate", generateInput(fixtures.sd15, { steps: 2 }));
    expect(next.width).toBe(64);
  });

  it.each<[string, "sd15Optimum124" | "sdxl" | "sdFp16"]>([
    ["Optimum ≥1.24 (int64 ids, rank-0 float timestep)", "sd15Optimum124"],
    ["SDXL (two encoders, text_embeds, time_ids)", "sdxl"],
    ["Olive fp16 (float16 IO and timestep)", "sdFp16"],
  ])("runs the %s export", async (_, variant) => {
    const output = await host.call("generate", generateInput(fixtures[variant], { width: 64, height: 64 }));
    const png = await decodePng(output.pngBase64);
    expect(png).toMatchObject({ width: 64, height: 64 });
    expect(distinctColours(png.pixels)).toBeGreaterThan(20);
    // Prompt and negative prompt encoded (on both encoders for SDXL), one batched UNet call per step, one decode.
    const encodes = variant === "sdxl" ? 4 : 2;
    expect(output.stats.sessionRuns).toBe(encodes + 4 + 1);
  });

  it("runs every sampler, and skips guidance (one text encoding) at CFG ≤ 1", async () => {
    for (const sampler of ["euler", "euler_a", "ddim", "dpmpp_2m_karras", "lcm"] satisfies Sampler[]) {
      const output = await host.call("generate", generateInput(fixtures.sd15, { sampler, steps: 4 }));
      expect(output.width, sampler).toBe(64);
    }
    const turbo = await host.call("generate", generateInput(fixtures.sd15, { cfgScale: 1, steps: 1 }));
    expect(turbo.stats.sessionRuns).toBe(1 + 1 + 1);
    const guided = await host.call("generate", generateInput(fixtures.sd15, { cfgScale: 7, steps: 1 }));
    expect(guided.pngBase64).not.toBe(turbo.pngBase64);
    expect(logger.lines.some((line) => /Loaded pipeline .* on CPU/.test(line.message))).toBe(true);
  });

  it("rejects sizes that are not multiples of 8 and impossible step counts", async () => {
    await expect(host.call("generate", generateInput(fixtures.sd15, { width: 60 }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(host.call("generate", generateInput(fixtures.sd15, { steps: 5000 }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
