import { describe, expect, it } from "vitest";
import type { ImageParameters } from "./image";
import { formatImageParameters, parseImageParameters } from "./image-parameters";

const base: ImageParameters = {
  prompt: "a castle on a hill, golden hour",
  negativePrompt: "blurry, low quality",
  steps: 20,
  sampler: "euler_a",
  cfgScale: 7,
  seed: 1,
  width: 512,
  height: 512,
  modelId: "sd-1.5",
  modelName: "Stable Diffusion 1.5",
  mode: "txt2img",
};

describe("A1111 parameters text", () => {
  it("formats the A1111 form", () => {
    expect(formatImageParameters(base)).toBe(
      "a castle on a hill, golden hour\nNegative prompt: blurry, low quality\n" +
        "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1, Size: 512x512, Model: Stable Diffusion 1.5, Model id: sd-1.5, Mode: txt2img",
    );
  });

  it.each<[string, ImageParameters]>([
    ["txt2img", base],
    ["no negative prompt", { ...base, negativePrompt: "" }],
    ["empty prompt", { ...base, prompt: "", negativePrompt: "" }],
    ["multi-line prompts", { ...base, prompt: "line one\nline two:\n  indented", negativePrompt: "neg\nmore, neg" }],
    ["quotes, colons and commas in values", { ...base, modelName: 'My "best", model: v2', modelId: "my-best" }],
    ["img2img with strength", { ...base, mode: "img2img", strength: 0.55, sampler: "dpmpp_2m_karras", cfgScale: 6.5 }],
    ["inpaint", { ...base, mode: "inpaint", strength: 1, sampler: "ddim", seed: 4294967295, width: 768, height: 432 }],
    ["upscale", { ...base, mode: "upscale", upscaleFactor: 4, sampler: "lcm", steps: 4, cfgScale: 1 }],
    ["unicode", { ...base, prompt: "château 🏰, 東京", negativePrompt: "ñ" }],
  ])("round-trips %s", (_, parameters) => {
    expect(parseImageParameters(formatImageParameters(parameters))).toEqual({ parameters, extra: {} });
  });

  it("reads parameters written by AUTOMATIC1111", () => {
    const text =
      "masterpiece, a fox\nNegative prompt: lowres\n" +
      'Steps: 28, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 5.5, Seed: 123, Size: 640x960, Model hash: abc123, Model: "dreamshaper, v8", Version: v1.10.1';
    expect(parseImageParameters(text)).toEqual({
      parameters: {
        ...base,
        prompt: "masterpiece, a fox",
        negativePrompt: "lowres",
        steps: 28,
        sampler: "dpmpp_2m_karras",
        cfgScale: 5.5,
        seed: 123,
        width: 640,
        height: 960,
        modelName: "dreamshaper, v8",
        modelId: "",
      },
      extra: { "Model hash": "abc123", Version: "v1.10.1" },
    });
  });

  it("keeps an unknown sampler's name and stands in the default", () => {
    const parsed = parseImageParameters("x\nSteps: 10, Sampler: UniPC, CFG scale: 3, Seed: 2");
    expect(parsed?.parameters.sampler).toBe("euler_a");
    expect(parsed?.unknownSampler).toBe("UniPC");
  });

  it("is null for text without a parameter line", () => {
    expect(parseImageParameters("just a caption")).toBeNull();
    expect(parseImageParameters("")).toBeNull();
    expect(parseImageParameters("prompt\nSteps: 20")).toBeNull();
  });
});
