import { copyFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { availableProviders, type ProviderSetting } from "./providers";
import { copyFixture, generateInput, startImageHost } from "./testing/image-test-support";

async function broken(source: string, breakIt: (folder: string) => Promise<void>): Promise<string> {
  const folder = await copyFixture(source);
  await breakIt(folder);
  return folder;
}

describe("image engine: loading models", () => {
  const fixtures = inject("imageFixtures");
  const { host, logger } = startImageHost();
  afterAll(() => host.stop());

  it("names the missing file of an incomplete pipeline folder", async () => {
    const folder = await broken(fixtures.sd15, (dir) => rm(path.join(dir, "unet/model.onnx")));
    await expect(host.call("generate", generateInput(folder))).rejects.toMatchObject({
      code: "MODEL_INCOMPATIBLE",
      message: "This Stable Diffusion folder is incomplete: unet/model.onnx is missing.",
    });
    const sdxl = await broken(fixtures.sdxl, (dir) => rm(path.join(dir, "text_encoder_2"), { recursive: true }));
    await expect(host.call("generate", generateInput(sdxl))).rejects.toMatchObject({ message: expect.stringMatching(/XL folder is incomplete: text_encoder_2\/model.onnx/) });
    const notAPipeline = await broken(fixtures.sd15, (dir) => rm(path.join(dir, "model_index.json")));
    await expect(host.call("generate", generateInput(notAPipeline))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringMatching(/model_index.json is missing/) });
  });

  it("fails to load a damaged ONNX file with MODEL_LOAD_FAILED", async () => {
    const folder = await broken(fixtures.sd15, (dir) => writeFile(path.join(dir, "vae_decoder/model.onnx"), "not a protobuf"));
    await expect(host.call("generate", generateInput(folder))).rejects.toMatchObject({
      code: "MODEL_LOAD_FAILED",
      message: expect.stringMatching(/^The VAE decoder of “sd15” could not be loaded: /),
    });
  });

  it("refuses a model whose tensors do not fit, saying which part and what it has", async () => {
    const swapped = await broken(fixtures.sd15, (dir) => copyFile(path.join(dir, "vae_decoder/model.onnx"), path.join(dir, "unet/model.onnx")));
    await expect(host.call("generate", generateInput(swapped))).rejects.toMatchObject({
      code: "MODEL_INCOMPATIBLE",
      message: "The UNet of “sd15” has no input \"sample\" (it has: latent_sample).",
    });
    // An SDXL UNet in an SD 1.x folder (the SDXL encoders are missing).
    const mixed = await broken(fixtures.sd15, (dir) => copyFile(path.join(fixtures.sdxl, "unet/model.onnx"), path.join(dir, "unet/model.onnx")));
    await expect(host.call("generate", generateInput(mixed))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringMatching(/UNet .* takes SDXL inputs/) });
    const wrongEncoder = await broken(fixtures.sd15, (dir) => copyFile(path.join(fixtures.sdxl, "text_encoder_2/model.onnx"), path.join(dir, "text_encoder/model.onnx")));
    await expect(host.call("generate", generateInput(wrongEncoder))).rejects.toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringMatching(/width 32, but the text encoder gives 48/) });
  });

  it("refuses an execution provider that is not present here, and never falls back", async () => {
    const present = availableProviders();
    const missing = (["cuda", "directml", "coreml"] satisfies ProviderSetting[]).find(
      (setting) => !present.includes(setting === "directml" ? "dml" : setting),
    );
    if (!missing) throw new Error("this machine has every provider: no missing one to test with");
    const input = generateInput(fixtures.sd15);
    input.load.provider = missing;
    await expect(host.call("generate", input)).rejects.toMatchObject({ code: "UNSUPPORTED", message: expect.stringMatching(/Choose another provider/) });
    expect(await host.call("providers", {})).toEqual({ available: present });
    const auto = generateInput(fixtures.sd15);
    auto.load.provider = "auto";
    expect((await host.call("generate", auto)).stats.provider).toBe(present[0]);
  });

  it("keeps a loaded pipeline in its cache, and unloads it on request", async () => {
    await host.call("generate", generateInput(fixtures.sd15));
    const loaded = await host.call("loaded", {});
    const entry = loaded.find((model) => model.modelId === "sd15");
    expect(entry).toMatchObject({ engine: "image" });
    expect(entry?.memoryBytes).toBeGreaterThan(100_000);
    const loads = logger.lines.filter((line) => /Loaded pipeline “sd15”/.test(line.message)).length;
    await host.call("generate", generateInput(fixtures.sd15, { seed: 9 }));
    expect(logger.lines.filter((line) => /Loaded pipeline “sd15”/.test(line.message)).length).toBe(loads);
    expect(await host.call("unload", { modelId: "sd15" })).toEqual({ unloaded: true });
    expect((await host.call("loaded", {})).some((model) => model.modelId === "sd15")).toBe(false);
  });
});
