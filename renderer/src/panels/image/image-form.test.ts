import { describe, expect, it } from "vitest";
import { DEFAULT_IMAGE_FORM, parseImageForm, type ImageFormValues } from "./image-form";

const PNG = "data:image/png;base64,iVBORw0KGgo=";
const filled: ImageFormValues = { ...DEFAULT_IMAGE_FORM, prompt: "a lighthouse at dusk", modelId: "tiny-sd" };
const noSources = { initImage: null, mask: null };

describe("image form", () => {
  it("builds a text-to-image request, with an empty seed meaning random", () => {
    const result = parseImageForm({ ...filled, width: "64", height: "64", customSize: true, steps: "4", cfgScale: "1.5" }, noSources);
    expect(result).toEqual({
      ok: true,
      request: {
        modelId: "tiny-sd",
        prompt: "a lighthouse at dusk",
        negativePrompt: "",
        width: 64,
        height: 64,
        steps: 4,
        cfgScale: 1.5,
        sampler: "euler_a",
        seed: null,
        batchCount: 1,
        strength: 0.75,
      },
    });
  });

  it("reports every problem against its field and builds nothing", () => {
    const result = parseImageForm(
      { ...DEFAULT_IMAGE_FORM, width: "100", steps: "0", cfgScale: "x", seed: "-1", batchCount: "17" },
      noSources,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        modelId: "Choose an image model.",
        prompt: "Describe the image you want in the prompt.",
        width: "Width must be a multiple of 8: try 96 or 104.",
        steps: "Steps must be between 1 and 150.",
        cfgScale: "CFG scale must be a number.",
        seed: "Seed must be between 0 and 4294967295.",
        batchCount: "Batch count must be between 1 and 16.",
      },
    });
  });

  it("sends init image, strength and mask only together, and a mask never without its image", () => {
    const inpaint = parseImageForm({ ...filled, seed: "42", strength: "0.4" }, { initImage: PNG, mask: PNG });
    expect(inpaint.ok && inpaint.request).toMatchObject({ seed: 42, initImage: PNG, mask: PNG, strength: 0.4 });
    const stray = parseImageForm(filled, { initImage: null, mask: PNG });
    expect(stray.ok && stray.request.mask).toBeUndefined();
    expect(stray.ok && stray.request.initImage).toBeUndefined();
    const badStrength = parseImageForm({ ...filled, strength: "2" }, { initImage: PNG, mask: null });
    expect(badStrength).toEqual({ ok: false, errors: { strength: "Strength must be between 0 and 1." } });
  });
});
