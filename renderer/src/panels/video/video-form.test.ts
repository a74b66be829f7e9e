import { describe, expect, it } from "vitest";
import type { VideoModel } from "../../../../shared/video";
import { FIRST_KEYFRAME } from "./keyframes";
import { DEFAULT_VIDEO_FORM, durationText, KIND_DEFAULTS, parseVideoForm, patchForModel, type VideoFormValues } from "./video-form";

const PNG = "data:image/png;base64,iVBORw0KGgo=";
const motion: VideoModel = { id: "tiny-motion", name: "Tiny Motion", kind: "motion", capabilities: ["text-to-video", "image-to-video"] };
const textOnly: VideoModel = { id: "t2v", name: "T2V only", kind: "motion", capabilities: ["text-to-video"] };
const sd: VideoModel = { id: "tiny-sd", name: "Tiny SD", kind: "image", capabilities: ["keyframe-animation"] };
const rife: VideoModel = { id: "rife-4.9", name: "RIFE", kind: "interpolation", capabilities: ["interpolation"] };
const models = [motion, textOnly, sd, rife];
const filled: VideoFormValues = { ...DEFAULT_VIDEO_FORM, prompt: "a paper boat on a stream", modelId: "tiny-motion", width: "64", height: "64", customSize: true };

describe("video form", () => {
  it("builds a text-to-video request for a motion model, an empty seed meaning random", () => {
    const result = parseVideoForm({ ...filled, seed: "42", interpolation: "2" }, { models, initImage: null });
    expect(result).toEqual({
      ok: true,
      interpolation: 2,
      job: {
        channel: "video.generate",
        request: {
          modelId: "tiny-motion",
          prompt: "a paper boat on a stream",
          negativePrompt: "",
          frames: 16,
          fps: 8,
          width: 64,
          height: 64,
          steps: 8,
          cfgScale: 1,
          sampler: "lcm",
          seed: 42,
          strength: 0.75,
        },
      },
    });
    const random = parseVideoForm(filled, { models, initImage: null });
    expect(random.ok && random.job.request.seed).toBeNull();
  });

  it("sends the init image with its strength for image-to-video", () => {
    const result = parseVideoForm({ ...filled, strength: "0.4" }, { models, initImage: PNG });
    expect(result.ok && result.job.channel === "video.generate" && result.job.request).toMatchObject({ initImage: PNG, strength: 0.4 });
  });

  it("refuses an init image for a motion model without an image encoder, in words", () => {
    const result = parseVideoForm({ ...filled, modelId: "t2v" }, { models, initImage: PNG });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.initImage).toMatch(/cannot start from an image/);
  });

  it("reports every problem against its field and builds nothing", () => {
    const result = parseVideoForm(
      { ...DEFAULT_VIDEO_FORM, frames: "0", fps: "120", width: "100", steps: "x", cfgScale: "31", seed: "-1", sampler: "lcm", interpolation: "4" },
      { models: [motion], initImage: null },
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        modelId: "Choose a motion model or a Stable Diffusion model.",
        prompt: "Describe the clip you want in the prompt.",
        frames: "Frames must be between 1 and 1024.",
        fps: "FPS must be between 1 and 60.",
        width: "Width must be a multiple of 8: try 96 or 104.",
        steps: "Steps must be a number.",
        cfgScale: "CFG scale must be between 0 and 30.",
        seed: "Seed must be between 0 and 4294967295.",
        interpolation: "Interpolation needs a RIFE model: download “RIFE 4.9 frame interpolation” from the catalog, or choose ×1.",
      },
    });
  });

  it("takes only the samplers of the model's kind, and no more steps than LCM has", () => {
    const result = parseVideoForm({ ...filled, sampler: "euler_a" }, { models, initImage: null });
    expect(!result.ok && result.errors.sampler).toBe("Choose one of the samplers listed for this model.");
    const lcm = parseVideoForm({ ...filled, steps: "51" }, { models, initImage: null });
    expect(!lcm.ok && lcm.errors.steps).toBe("LCM runs at most 50 steps: use fewer, or another sampler.");
    expect(parseVideoForm({ ...filled, steps: "51", sampler: "euler" }, { models, initImage: null }).ok).toBe(true);
  });

  it("builds a prompt-travel request for a Stable Diffusion model from the keyframes", () => {
    const values: VideoFormValues = {
      ...filled,
      ...KIND_DEFAULTS.image,
      modelId: "tiny-sd",
      frames: "12",
      keyframes: [FIRST_KEYFRAME, { key: "k1", frame: "6", prompt: "a waterfall", zoom: "1", panX: "0", panY: "0", rotate: "0" }],
    };
    const result = parseVideoForm({ ...values, seedIncrement: "1" }, { models, initImage: null });
    expect(result.ok && result.job).toEqual({
      channel: "video.animate",
      request: {
        modelId: "tiny-sd",
        mode: "travel",
        keyframes: [
          { frame: 0, prompt: "a paper boat on a stream" },
          { frame: 6, prompt: "a waterfall" },
        ],
        negativePrompt: "",
        frames: 12,
        fps: 8,
        width: 64,
        height: 64,
        steps: 20,
        cfgScale: 7,
        sampler: "euler",
        seed: null,
        seedIncrement: 1,
        strength: 0.45,
        border: "reflect",
      },
    });
  });

  it("sends an init image for prompt travel too (every frame image-to-image)", () => {
    const values: VideoFormValues = { ...filled, ...KIND_DEFAULTS.image, modelId: "tiny-sd", strength: "0.6" };
    const result = parseVideoForm(values, { models, initImage: PNG });
    expect(result.ok && result.job.request).toMatchObject({ mode: "travel", initImage: PNG, strength: 0.6 });
  });

  it("builds a feedback request with camera moves and the init image as the first frame", () => {
    const values: VideoFormValues = {
      ...filled,
      ...KIND_DEFAULTS.image,
      modelId: "tiny-sd",
      animationMode: "feedback",
      border: "replicate",
      keyframes: [{ ...FIRST_KEYFRAME, zoom: "1.05" }],
    };
    const result = parseVideoForm(values, { models, initImage: PNG });
    expect(result.ok && result.job.request).toMatchObject({
      mode: "feedback",
      keyframes: [{ frame: 0, prompt: "a paper boat on a stream", camera: { zoom: 1.05, panX: 0, panY: 0, rotate: 0 } }],
      initImage: PNG,
      strength: 0.45,
      border: "replicate",
    });
  });

  it("puts keyframe problems under the keyframe", () => {
    const values: VideoFormValues = {
      ...filled,
      ...KIND_DEFAULTS.image,
      modelId: "tiny-sd",
      seedIncrement: "2000",
      keyframes: [FIRST_KEYFRAME, { key: "k1", frame: "3", prompt: "", zoom: "1", panX: "0", panY: "0", rotate: "0" }],
    };
    const result = parseVideoForm(values, { models, initImage: null });
    expect(result).toEqual({
      ok: false,
      errors: {
        seedIncrement: "Noise step per frame must be between -1024 and 1024.",
        keyframes: { k1: { prompt: "Describe what the clip shows from this frame on." } },
      },
    });
  });

  it("switches to a kind's defaults only when the kind of model changes", () => {
    expect(patchForModel(sd, motion)).toEqual({ modelId: "tiny-sd", ...KIND_DEFAULTS.image });
    expect(patchForModel(textOnly, motion)).toEqual({ modelId: "t2v" });
    expect(patchForModel(motion, undefined)).toEqual({ modelId: "tiny-motion", ...KIND_DEFAULTS.motion });
    expect(patchForModel(undefined, motion)).toEqual({ modelId: "" });
  });

  it("says how long the clip is, and what interpolation makes of it", () => {
    expect(durationText("16", "8", "1")).toBe("2.0 s at 8 fps.");
    expect(durationText("16", "8", "2")).toBe("2.0 s at 8 fps; ×2 interpolation makes 31 frames at 16 fps.");
    expect(durationText("x", "8", "1")).toBe("");
  });
});
