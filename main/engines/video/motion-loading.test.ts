import { copyFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { buildMotionUnet } from "../../../scripts/fixtures/onnx/motion-unet";
import { copyFixture, loadOf } from "../image/testing/image-test-support";
import { motionInput, progressLog, startVideoHost } from "./testing/motion-test-support";

async function broken(source: string, breakIt: (folder: string) => Promise<void>): Promise<string> {
  const folder = await copyFixture(source);
  await breakIt(folder);
  return folder;
}

describe("video engine: loading motion models, bad input and cancelling", () => {
  const fixtures = inject("motionFixtures");
  const images = inject("imageFixtures");
  const { host } = startVideoHost();
  afterAll(() => host.stop());

  it("says what a motion model can do", async () => {
    expect(await host.call("inspect", { load: loadOf(fixtures.locomotion) })).toEqual({
      contextSize: 16, contextSource: "model", precision: "float32", batchesGuidance: false, imageToVideo: true,
      defaults: { sampler: "lcm", steps: 8, cfgScale: 0 }, name: "Locomotion (fixture)",
    });
    expect(await host.call("inspect", { load: loadOf(fixtures.motionFp16) })).toMatchObject({ contextSize: 8, contextSource: "template", precision: "float16", batchesGuidance: true });
    // Inspecting loads the model into the cache, so the next generate starts at once.
    expect((await host.call("loaded", {})).map((model) => model.modelId).sort()).toEqual(["locomotion", "motionfp16"]);
  });

  it("refuses a UNet whose inputs do not have the layout's names, saying what it has", async () => {
    const renamed = await broken(fixtures.locomotion, async (dir) => {
      await rm(path.join(dir, "unet/model.onnx.data"));
      await writeFile(path.join(dir, "unet/model.onnx"), buildMotionUnet({ precision: "fp32", batch: 1, frames: 16, contextWidth: 32, seed: 1, names: { sample: "latents" } }));
    });
    await expect(host.call("generate", await motionInput(renamed))).rejects.toMatchObject({
      code: "MODEL_INCOMPATIBLE",
      message: 'The motion UNet of “locomotion” has no input "sample" (it has: latents, timestep, encoder_hidden_states).',
    });
  });

  it("tells an image model from a motion model", async () => {
    await expect(host.call("generate", await motionInput(images.sd15))).rejects.toMatchObject({
      code: "MODEL_INCOMPATIBLE",
      message: expect.stringMatching(/^The motion UNet of “sd15” takes 4-D latents \[batch, channels, height, width\]: it is an image UNet, not a motion UNet/),
    });
    const imageUnet = await broken(fixtures.locomotion, (dir) => copyFile(path.join(images.sd15, "unet/model.onnx"), path.join(dir, "unet/model.onnx")));
    await expect(host.call("generate", await motionInput(imageUnet))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringMatching(/it is an image UNet/) });
  });

  it("names what is missing or damaged", async () => {
    const noUnet = await broken(fixtures.locomotion, (dir) => rm(path.join(dir, "unet"), { recursive: true }));
    await expect(host.call("generate", await motionInput(noUnet))).rejects.toMatchObject({
      code: "MODEL_INCOMPATIBLE",
      message: "This motion model folder is incomplete: unet/model.onnx is missing.",
    });
    const noWeights = await broken(fixtures.locomotion, (dir) => rm(path.join(dir, "unet/model.onnx.data")));
    await expect(host.call("generate", await motionInput(noWeights))).rejects.toMatchObject({
      code: "MODEL_LOAD_FAILED",
      message: expect.stringMatching(/^The motion UNet of “locomotion” could not be loaded: /),
    });
    const badTemplate = await broken(fixtures.locomotion, (dir) => writeFile(path.join(dir, "amuse_template.json"), "{ not json"));
    await expect(host.call("generate", await motionInput(badTemplate))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringMatching(/amuse_template.json is not valid JSON/) });
  });

  it("refuses bad settings before loading anything", async () => {
    const bad = async (overrides: Record<string, unknown>) => host.call("generate", { ...(await motionInput(fixtures.locomotion)), ...overrides });
    await expect(bad({ width: 50 })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/multiple of 8 \(width\)/) });
    await expect(bad({ sampler: "euler_a" })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/\(sampler\)/) });
    await expect(bad({ frames: 0 })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/\(frames\)/) });
    await expect(bad({ outputDir: "relative/frames" })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/absolute path \(outputDir\)/) });
    await expect(bad({ sampler: "lcm", steps: 51 })).rejects.toMatchObject({ code: "INVALID_INPUT", message: "LCM runs at most 50 steps, got 51." });
  });

  it("stops between UNet calls when cancelled, releases the model and takes the next call", async () => {
    const controller = new AbortController();
    const progress = progressLog();
    const call = host.call("generate", await motionInput(fixtures.locomotion, { frames: 64, steps: 200, width: 256, height: 256 }), {
      signal: controller.signal,
      onEvent: (event) => {
        progress.onEvent(event);
        if (event.step === 2) controller.abort();
      },
    });
    await expect(call).rejects.toMatchObject({ code: "CANCELLED" });
    expect(progress.events.length).toBeLessThan(10);
    expect((await host.call("loaded", {})).find((model) => model.modelId === "locomotion")?.inUse).toBe(false);
    const next = await host.call("generate", await motionInput(fixtures.locomotion, { frames: 2 }));
    expect(next.files).toHaveLength(2);
  });
});
