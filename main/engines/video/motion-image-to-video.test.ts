import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { copyFixture, drawnDataUrl } from "../image/testing/image-test-support";
import { meanAbsDiff, motionInput, readClip, startVideoHost, type DecodedFrame } from "./testing/motion-test-support";

/** Image-to-video on the real engine process: the init image's latents start every frame. */
describe("video engine: image to video", () => {
  const fixtures = inject("motionFixtures");
  const { host } = startVideoHost();
  afterAll(() => host.stop());

  const sunset = drawnDataUrl(48, 32, (x, y) => [200 + (x % 50), 80 + y * 2, 40]);
  const checker = drawnDataUrl(48, 32, (x, y) => ((x >> 3) + (y >> 3)) % 2 ? [250, 250, 250] : [10, 10, 60]);

  async function clip(initImage: string, strength: number, seed = 7): Promise<DecodedFrame[]> {
    const input = await motionInput(fixtures.locomotion, { initImage, strength, seed, steps: 50, frames: 4 });
    const output = await host.call("generate", input);
    expect(output.mode).toBe("image-to-video");
    return readClip(output, input.outputDir);
  }
  const first = (frames: DecodedFrame[]): Buffer => frames[0]?.pixels ?? Buffer.alloc(0);

  it("at strength 0 every frame is the init image through the VAE, whatever the seed", async () => {
    const kept = await clip(await sunset, 0);
    for (const frame of kept) expect(frame.pixels.equals(first(kept))).toBe(true);
    expect(first(await clip(await sunset, 0, 99)).equals(first(kept))).toBe(true);
  });

  it("starts close to the init image at low strength and moves away as strength grows", async () => {
    const image = await sunset;
    const kept = first(await clip(image, 0));
    // 50 DDIM steps: strength 0.02 runs the last one, 0.3 the last 15, 1 all of them from pure noise.
    const distance = async (strength: number) => meanAbsDiff(first(await clip(image, strength)), kept);
    const [low, middle, high] = [await distance(0.02), await distance(0.3), await distance(1)];
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThan(middle);
    expect(middle).toBeLessThan(high);
    expect(low).toBeLessThan(high / 3);
    // The image conditions the clip: another image at the same strength and seed gives another clip.
    expect(meanAbsDiff(first(await clip(await checker, 0.5)), first(await clip(image, 0.5)))).toBeGreaterThan(1);
  });

  it("refuses image-to-video on a model without a VAE encoder, naming what is missing", async () => {
    const folder = await copyFixture(fixtures.locomotion);
    await rm(path.join(folder, "vae_encoder"), { recursive: true });
    await expect(host.call("generate", await motionInput(folder, { initImage: await sunset }))).rejects.toMatchObject({
      code: "MODEL_INCOMPATIBLE",
      message: expect.stringMatching(/has no VAE encoder \(vae_encoder\/model.onnx\), which image-to-video needs/),
    });
    // Text-to-video still works on it.
    expect((await host.call("generate", await motionInput(folder, { frames: 2 }))).files).toHaveLength(2);
  });
});
