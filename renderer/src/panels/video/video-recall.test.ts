import { describe, expect, it } from "vitest";
import type { VideoModel, VideoParameters } from "../../../../shared/video";
import { DEFAULT_VIDEO_FORM } from "./video-form";
import { recallVideoSettings, videoRecallNotice } from "./video-recall";

const motion: VideoModel = { id: "tiny-motion", name: "Tiny Motion", kind: "motion", capabilities: ["text-to-video", "image-to-video"] };
const sd: VideoModel = { id: "tiny-sd", name: "Tiny SD", kind: "image", capabilities: ["keyframe-animation"] };
const generated: VideoParameters = {
  mode: "text-to-video",
  prompt: "a paper boat",
  negativePrompt: "blur",
  modelId: "tiny-motion",
  modelName: "Tiny Motion",
  frames: 24,
  fps: 12,
  width: 768,
  height: 432,
  steps: 6,
  cfgScale: 1.5,
  sampler: "euler",
  seed: 99,
  contextOverlap: 4,
};

describe("video recall", () => {
  it("fills the form from a generated clip's settings", () => {
    const { values, missingModel, unknownSampler } = recallVideoSettings(DEFAULT_VIDEO_FORM, generated, [motion, sd]);
    expect(values).toMatchObject({
      prompt: "a paper boat",
      negativePrompt: "blur",
      modelId: "tiny-motion",
      frames: "24",
      fps: "12",
      width: "768",
      height: "432",
      customSize: false,
      steps: "6",
      cfgScale: "1.5",
      sampler: "euler",
      seed: "99",
      interpolation: "1",
    });
    expect(missingModel).toBeNull();
    expect(unknownSampler).toBeNull();
  });

  it("brings back a keyframe clip's mode and keyframes, the first prompt into Prompt", () => {
    const parameters: VideoParameters = {
      ...generated,
      mode: "keyframe-feedback",
      modelId: "tiny-sd",
      modelName: "Tiny SD",
      sampler: "euler_a",
      strength: 0.3,
      seedIncrement: 2,
      border: "replicate",
      keyframes: [
        { frame: 0, prompt: "dawn", camera: { zoom: 1.02, panX: 0, panY: 0, rotate: 0 } },
        { frame: 12, prompt: "dusk" },
      ],
    };
    const { values } = recallVideoSettings(DEFAULT_VIDEO_FORM, parameters, [motion, sd]);
    expect(values.prompt).toBe("dawn");
    expect(values.modelId).toBe("tiny-sd");
    expect(values.animationMode).toBe("feedback");
    expect(values.sampler).toBe("euler_a");
    expect(values.strength).toBe("0.3");
    expect(values.seedIncrement).toBe("2");
    expect(values.border).toBe("replicate");
    expect(values.keyframes.map((draft) => [draft.frame, draft.prompt, draft.zoom])).toEqual([
      ["0", "", "1.02"],
      ["12", "dusk", "1"],
    ]);
  });

  it("finds the model by name when its id differs, keeps the form's model when it is not installed, and says so", () => {
    expect(recallVideoSettings(DEFAULT_VIDEO_FORM, { ...generated, modelId: "other-id" }, [motion]).values.modelId).toBe("tiny-motion");
    const missing = recallVideoSettings({ ...DEFAULT_VIDEO_FORM, modelId: "kept" }, { ...generated, modelId: "gone", modelName: "Gone Model" }, [motion]);
    expect(missing.values.modelId).toBe("kept");
    expect(missing.missingModel).toBe("Gone Model");
    expect(videoRecallNotice("“clip.webm”", missing)).toBe(
      "Settings recalled from “clip.webm”. Its model “Gone Model” is not installed, so the model was not changed.",
    );
  });

  it("does not match a motion clip to a Stable Diffusion model of the same name", () => {
    const result = recallVideoSettings(DEFAULT_VIDEO_FORM, { ...generated, modelId: "tiny-sd", modelName: "Tiny SD" }, [sd]);
    expect(result.values.modelId).toBe("");
    expect(result.missingModel).toBe("Tiny SD");
  });

  it("replaces a sampler the model's kind does not take with the kind's own, and takes over ×2 / ×4 interpolation", () => {
    const result = recallVideoSettings(DEFAULT_VIDEO_FORM, { ...generated, sampler: "dpmpp_2m_karras", interpolation: { factor: 4, modelId: "rife", modelName: "RIFE" } }, [motion]);
    expect(result.values.sampler).toBe("lcm");
    expect(result.unknownSampler).toBe("dpmpp_2m_karras");
    expect(result.values.interpolation).toBe("4");
    expect(recallVideoSettings(DEFAULT_VIDEO_FORM, { ...generated, interpolation: { factor: 8, modelId: "r", modelName: "R" } }, [motion]).values.interpolation).toBe("1");
  });
});
