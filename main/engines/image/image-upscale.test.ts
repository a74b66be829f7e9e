import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { UpscaleInput } from "./methods";
import { decodePng, loadOf, progressLog, startImageHost } from "./testing/image-test-support";
import { writeTestUpscalers } from "./testing/static-upscaler";

let dir: string;
/** A 100×70 picture with detail everywhere, as a PNG file. */
let picture: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-upscale-"));
  const width = 100;
  const height = 70;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set([(i * 7) % 256, (i * 13) % 256, (i * 31) % 256], i * 3);
  picture = path.join(dir, "picture.png");
  await writeFile(picture, await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer());
});

function upscaleInput(model: string, overrides: Partial<Omit<UpscaleInput, "load">> = {}): UpscaleInput {
  return { load: loadOf(model), imagePath: picture, tileSize: 256, overlap: 16, ...overrides };
}

describe("image engine: upscaling", () => {
  const fixtures = inject("imageFixtures");
  const { host } = startImageHost();
  afterAll(() => host.stop());

  it.each([
    ["upscaler2x", 2],
    ["upscaler4x", 4],
  ] as const)("%s makes the image %i× larger", async (name, scale) => {
    const output = await host.call("upscale", upscaleInput(fixtures[name]));
    expect(output).toMatchObject({ width: 100 * scale, height: 70 * scale, scale, tiles: 1 });
    expect(await decodePng(output.pngBase64)).toMatchObject({ format: "png", width: 100 * scale, height: 70 * scale });
  });

  it("gives identical bytes tiled and untiled, with progress once per tile", async () => {
    const whole = await host.call("upscale", upscaleInput(fixtures.upscaler4x));
    const progress = progressLog();
    const tiled = await host.call("upscale", upscaleInput(fixtures.upscaler4x, { tileSize: 32, overlap: 6 }), { onEvent: progress.onEvent });
    expect(tiled.tiles).toBe(5 * 4);
    expect(progress.events.map((event) => event.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(progress.events.every((event) => event.total === 20)).toBe(true);
    expect(tiled.pngBase64).toBe(whole.pngBase64);
    const noOverlap = await host.call("upscale", upscaleInput(fixtures.upscaler4x, { tileSize: 40, overlap: 0 }));
    expect(noOverlap.pngBase64).toBe(whole.pngBase64);
  });

  it("tiles to a model's fixed input size, padding past the edge", async () => {
    const models = await writeTestUpscalers(2, 24);
    const whole = await host.call("upscale", { ...upscaleInput(models.dynamic), load: loadOf(models.dynamic, { modelId: "dynamic" }) });
    const fixed = await host.call("upscale", { ...upscaleInput(models.fixed), load: loadOf(models.fixed, { modelId: "fixed" }) });
    expect(fixed.tiles).toBeGreaterThan(1);
    expect(fixed.pngBase64).toBe(whole.pngBase64);
    // An image smaller than the window.
    const small = path.join(dir, "small.png");
    await sharp(picture).extract({ left: 0, top: 0, width: 10, height: 7 }).toFile(small);
    const padded = await host.call("upscale", { ...upscaleInput(models.fixed, { imagePath: small }), load: loadOf(models.fixed, { modelId: "fixed" }) });
    expect(padded).toMatchObject({ width: 20, height: 14, tiles: 1 });
  });

  it("cancels between tiles and then serves the next upscale", async () => {
    // Large enough (768 tiles) that the cancel arrives long before the last tile, even on a busy machine.
    const large = path.join(dir, "large.png");
    await sharp(picture).resize(1024, 768, { kernel: "nearest" }).toFile(large);
    const controller = new AbortController();
    const progress = progressLog();
    const call = host.call("upscale", upscaleInput(fixtures.upscaler2x, { imagePath: large, tileSize: 32, overlap: 0 }), {
      signal: controller.signal,
      onEvent: (event) => {
        progress.onEvent(event);
        if (event.step === 2) controller.abort();
      },
    });
    await expect(call).rejects.toMatchObject({ code: "CANCELLED" });
    expect(progress.events.length).toBeLessThan(progress.events[0]?.total ?? 0);
    expect((await host.call("upscale", upscaleInput(fixtures.upscaler2x))).width).toBe(200);
  });

  it("loads an upscaler from a folder holding one .onnx, and refuses a folder with several", async () => {
    const folder = path.join(dir, "one");
    await mkdir(folder);
    await copyFile(fixtures.upscaler2x, path.join(folder, "x2.onnx"));
    expect((await host.call("upscale", { ...upscaleInput(folder), load: loadOf(folder, { modelId: "folder" }) })).scale).toBe(2);
    await copyFile(fixtures.upscaler4x, path.join(folder, "x4.onnx"));
    const load = loadOf(folder, { modelId: "folder-two" });
    await expect(host.call("upscale", { ...upscaleInput(folder), load })).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringMatching(/one .onnx model \(found x2.onnx, x4.onnx\)/) });
  });

  it("refuses a Stable Diffusion part as an upscaler", async () => {
    const unet = path.join(fixtures.sd15, "unet/model.onnx");
    await expect(host.call("upscale", { ...upscaleInput(unet), load: loadOf(unet, { modelId: "unet" }) })).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE" });
  });
});
