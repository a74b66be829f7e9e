import { afterAll, describe, expect, inject, it } from "vitest";
import { decodePng, generateInput, startImageHost } from "./testing/image-test-support";
import { pipelineWithVariantUnet } from "./testing/variant-unet";

describe("image engine: UNet variants", () => {
  const fixtures = inject("imageFixtures");
  const { host } = startImageHost();
  afterAll(() => host.stop());

  it("runs guidance as two UNet calls per step when the batch is fixed at 1, giving the batched call's image (to within float rounding)", async () => {
    const folder = await pipelineWithVariantUnet(fixtures.sd15, { staticBatch: true });
    const twoCalls = await host.call("generate", { ...generateInput(folder, { steps: 5 }), load: { ...generateInput(folder).load, modelId: "static-batch" } });
    // 2 text encodings + 2 UNet calls × 5 steps + 1 decode.
    expect(twoCalls.stats.sessionRuns).toBe(2 + 10 + 1);
    const dynamic = await pipelineWithVariantUnet(fixtures.sd15, {});
    const batched = await host.call("generate", { ...generateInput(dynamic, { steps: 5 }), load: { ...generateInput(dynamic).load, modelId: "dynamic-batch" } });
    expect(batched.stats.sessionRuns).toBe(2 + 5 + 1);
    const a = await decodePng(batched.pngBase64);
    const b = await decodePng(twoCalls.pngBase64);
    const worst = a.pixels.reduce((max, value, i) => Math.max(max, Math.abs(value - (b.pixels[i] ?? 0))), 0);
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("feeds an LCM UNet the guidance embedding as timestep_cond instead of running CFG", async () => {
    const folder = await pipelineWithVariantUnet(fixtures.sd15, { timeCondDim: 8 });
    const input = (cfgScale: number) => ({ ...generateInput(folder, { sampler: "lcm", steps: 4, cfgScale }), load: { ...generateInput(folder).load, modelId: "lcm" } });
    const low = await host.call("generate", input(1.5));
    // 1 text encoding (no negative prompt without CFG) + 4 steps + 1 decode.
    expect(low.stats.sessionRuns).toBe(1 + 4 + 1);
    const high = await host.call("generate", input(8));
    expect(high.stats.sessionRuns).toBe(1 + 4 + 1);
    expect(high.pngBase64).not.toBe(low.pngBase64);
  });
});
