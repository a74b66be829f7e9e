import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { copyFixture, decodePng, drawnDataUrl, generateInput, startImageHost } from "./testing/image-test-support";

const WIDTH = 64;
const HEIGHT = 48;
/** A picture with structure in every 8×8 block. */
const picture = () => drawnDataUrl(WIDTH, HEIGHT, (x, y) => [(x * 4) % 256, (y * 5) % 256, ((x + y) * 3) % 256]);
/** Repaint the left half (white), keep the right half (black). */
const leftHalf = () => drawnDataUrl(WIDTH, HEIGHT, (x) => (x < WIDTH / 2 ? [255, 255, 255] : [0, 0, 0]));

function columns(pixels: Buffer, from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = 0; y < HEIGHT; y++) for (let x = from; x < to; x++) for (let c = 0; c < 3; c++) out.push(pixels[(y * WIDTH + x) * 3 + c] ?? -1);
  return out;
}

describe("image engine: image to image and inpainting", () => {
  const fixtures = inject("imageFixtures");
  const { host } = startImageHost();
  afterAll(() => host.stop());

  it("img2img encodes the init image and runs only the steps its strength leaves", async () => {
    const initImage = await picture();
    const half = await host.call("generate", generateInput(fixtures.sd15, { initImage, strength: 0.5, steps: 10 }));
    expect(half).toMatchObject({ width: WIDTH, height: HEIGHT, mode: "img2img" });
    // 2 text encodings + 1 VAE encode + 5 of 10 steps + 1 decode.
    expect(half.stats.sessionRuns).toBe(2 + 1 + 5 + 1);
    const more = await host.call("generate", generateInput(fixtures.sd15, { initImage, strength: 0.9, steps: 10 }));
    expect(more.stats.sessionRuns).toBe(2 + 1 + 9 + 1);
    expect(more.pngBase64).not.toBe(half.pngBase64);
    const txt2img = await host.call("generate", generateInput(fixtures.sd15, { steps: 10 }));
    expect(txt2img.pngBase64).not.toBe(half.pngBase64);
  });

  it.each<[string, "sd15Optimum124" | "sdFp16" | "sdxl"]>([
    ["takes the mean of an 8-channel latent_parameters encoder (Optimum ≥1.23)", "sd15Optimum124"],
    ["runs float16 VAE encoder IO (Olive fp16)", "sdFp16"],
    ["runs through the SDXL pipeline", "sdxl"],
  ])("img2img %s", async (_, variant) => {
    const initImage = await picture();
    const output = await host.call("generate", generateInput(fixtures[variant], { initImage, strength: 0.6, steps: 5 }));
    expect(output).toMatchObject({ width: WIDTH, height: HEIGHT, mode: "img2img" });
    const txt2img = await host.call("generate", generateInput(fixtures[variant], { steps: 5 }));
    expect(output.pngBase64).not.toBe(txt2img.pngBase64);
  });

  it("masked img2img on a 4-channel UNet keeps the unmasked region exactly as the init image decodes", async () => {
    const initImage = await picture();
    const mask = await leftHalf();
    const inpainted = await decodePng((await host.call("generate", generateInput(fixtures.sd15, { initImage, mask, strength: 1, steps: 6 }))).pngBase64);
    // Strength 0 runs no step: the init image's latents decoded as they are.
    const kept = await decodePng((await host.call("generate", generateInput(fixtures.sd15, { initImage, strength: 0, steps: 6 }))).pngBase64);
    // The fixture's VAE has no spatial spread, so the kept half matches exactly and the repainted half does not.
    expect(columns(inpainted.pixels, WIDTH / 2, WIDTH)).toEqual(columns(kept.pixels, WIDTH / 2, WIDTH));
    expect(columns(inpainted.pixels, 0, WIDTH / 2)).not.toEqual(columns(kept.pixels, 0, WIDTH / 2));
  });

  it("inpaints with a 9-channel UNet: mask and masked-image latents go in beside the latents", async () => {
    const initImage = await picture();
    const output = await host.call("generate", generateInput(fixtures.sdInpaint, { initImage, mask: await leftHalf(), strength: 1, steps: 4 }));
    expect(output).toMatchObject({ width: WIDTH, height: HEIGHT, mode: "inpaint" });
    // 2 text encodings + VAE encodes of the image and of the masked image + 4 steps + 1 decode.
    expect(output.stats.sessionRuns).toBe(2 + 2 + 4 + 1);
    const otherMask = await drawnDataUrl(WIDTH, HEIGHT, (_, y) => (y < 16 ? [255, 255, 255] : [0, 0, 0]));
    const other = await host.call("generate", generateInput(fixtures.sdInpaint, { initImage, mask: otherMask, strength: 1, steps: 4 }));
    expect(other.pngBase64).not.toBe(output.pngBase64);
    // Without an init image an inpainting model repaints everything (txt2img).
    const plain = await host.call("generate", generateInput(fixtures.sdInpaint, { steps: 4 }));
    expect(plain.mode).toBe("txt2img");
  });

  it("says so when a model without a VAE encoder is asked for img2img", async () => {
    const folder = await copyFixture(fixtures.sd15);
    await rm(path.join(folder, "vae_encoder"), { recursive: true });
    const input = generateInput(folder, { initImage: await picture() });
    input.load.modelId = "no-encoder";
    await expect(host.call("generate", input)).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringMatching(/no VAE encoder/) });
    const txt2img = await host.call("generate", { ...input, initImage: undefined });
    expect(txt2img.mode).toBe("txt2img");
  });

  it("refuses an init image that is not an image", async () => {
    const input = generateInput(fixtures.sd15, { initImage: `data:image/png;base64,${Buffer.from("not a png").toString("base64")}` });
    await expect(host.call("generate", input)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/init image/) });
  });
});
