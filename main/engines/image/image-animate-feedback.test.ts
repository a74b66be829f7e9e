import { rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, inject, it } from "vitest";
import { moveCamera } from "./animate/camera-transform";
import { animateInput, framePixels } from "./testing/animate-test-support";
import { copyFixture, decodePng, drawnDataUrl, generateInput, startImageHost } from "./testing/image-test-support";

const WIDTH = 64;
const HEIGHT = 48;

async function pngDataUrl(pixels: Uint8Array): Promise<string> {
  const png = await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).png().toBuffer();
  return `data:image/png;base64,${png.toString("base64")}`;
}

/** The real image engine process on the generated Stable Diffusion fixture: image-to-image feedback with camera moves. */
describe("image engine: keyframe animation, feedback", () => {
  const fixtures = inject("imageFixtures");
  const { host } = startImageHost();
  afterAll(() => host.stop());

  it("makes frame 0 as a plain generation and each next frame img2img of the last one moved by the camera", async () => {
    const keyframes = [{ frame: 0, prompt: "a lighthouse", panX: 8, panY: -3, rotate: 5, zoom: 1.1, strength: 0.5 }];
    const input = await animateInput(fixtures.sd15, { mode: "feedback", keyframes, frames: 3, seed: 7, seedIncrement: 1, steps: 4 });
    const output = await host.call("animate", input);
    expect(output).toMatchObject({ mode: "feedback", files: ["frame-00000.png", "frame-00001.png", "frame-00002.png"] });
    // Prompts encoded once; frame 0: 4 steps + decode; frames 1, 2: VAE encode + 2 of 4 steps (strength 0.5) + decode.
    expect(output.stats.sessionRuns).toBe(2 + (4 + 1) + 2 * (1 + 2 + 1));

    const base = { prompt: "a lighthouse", steps: 4, sampler: "euler_a" as const };
    const frame0 = await framePixels(input, output.files[0]);
    expect(frame0.equals((await decodePng((await host.call("generate", generateInput(fixtures.sd15, { ...base, seed: 7 }))).pngBase64)).pixels)).toBe(true);
    // Frame 1 is exactly a plain img2img of frame 0 through the camera move, with frame 1's seed (7 + 1).
    const moved = moveCamera({ pixels: frame0, width: WIDTH, height: HEIGHT }, { zoom: 1.1, panX: 8, panY: -3, rotate: 5 }, "reflect");
    const img2img = await host.call("generate", generateInput(fixtures.sd15, { ...base, seed: 8, initImage: await pngDataUrl(moved.pixels), strength: 0.5 }));
    expect((await framePixels(input, output.files[1])).equals((await decodePng(img2img.pngBase64)).pixels)).toBe(true);
  });

  it("interpolates the camera and strength between keyframes, and the camera changes the frames", async () => {
    const still = await animateInput(fixtures.sd15, { mode: "feedback", keyframes: [{ frame: 0, prompt: "a lighthouse", strength: 0.7 }], frames: 3 });
    const panning = await animateInput(fixtures.sd15, {
      mode: "feedback",
      keyframes: [
        { frame: 0, prompt: "a lighthouse", strength: 0.7, panX: 0 },
        { frame: 2, prompt: "a lighthouse", strength: 0.7, panX: 16 },
      ],
      frames: 3,
    });
    const [a, b] = [await host.call("animate", still), await host.call("animate", panning)];
    expect((await framePixels(still, a.files[0])).equals(await framePixels(panning, b.files[0]))).toBe(true);
    expect((await framePixels(still, a.files[1])).equals(await framePixels(panning, b.files[1]))).toBe(false);
    expect(b.parameters.keyframes).toEqual(panning.keyframes);
  });

  it("starts from the init image when one is given: frame 0 is its img2img", async () => {
    const initImage = await drawnDataUrl(WIDTH, HEIGHT, (x, y) => [x * 4, y * 5, 90]);
    const input = await animateInput(fixtures.sd15, { mode: "feedback", initImage, keyframes: [{ frame: 0, prompt: "a lighthouse", seed: 3 }], strength: 0.25, frames: 2, steps: 4 });
    const output = await host.call("animate", input);
    const plain = await host.call("generate", generateInput(fixtures.sd15, { prompt: "a lighthouse", seed: 3, steps: 4, sampler: "euler_a", initImage, strength: 0.25 }));
    expect((await framePixels(input, output.files[0])).equals((await decodePng(plain.pngBase64)).pixels)).toBe(true);
    // One step of four per frame at strength 0.25, each after a VAE encode.
    expect(output.stats.sessionRuns).toBe(2 + 2 * (1 + 1 + 1));
  });

  it("refuses feedback on a model without a VAE encoder before making any frame", async () => {
    const folder = await copyFixture(fixtures.sd15);
    await rm(path.join(folder, "vae_encoder"), { recursive: true });
    const input = await animateInput(folder, { mode: "feedback" });
    input.load.modelId = "no-encoder-animate";
    await expect(host.call("animate", input)).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringMatching(/no VAE encoder.*feedback/) });
    const travel = await host.call("animate", { ...input, mode: "prompt-travel", frames: 2 });
    expect(travel.files).toHaveLength(2);
  });
});
