import { describe, expect, it } from "vitest";
import type { ClipItem } from "../../../../shared/video";
import { clipLabel, parameterRows } from "./clip-labels";

const parameters: NonNullable<ClipItem["parameters"]> = {
  mode: "text-to-video",
  prompt: "a paper boat",
  negativePrompt: "",
  modelId: "tiny-motion",
  modelName: "Tiny Motion",
  frames: 16,
  fps: 8,
  width: 64,
  height: 64,
  steps: 4,
  cfgScale: 1,
  sampler: "lcm",
  seed: 7,
};
const clip: ClipItem = {
  id: "clip-1",
  kind: "clip",
  name: "a paper boat",
  mode: "text-to-video",
  frameCount: 16,
  width: 64,
  height: 64,
  fps: 8,
  durationSeconds: 2,
  sizeBytes: 1000,
  createdAt: 1,
  parameters,
  exports: [],
};

describe("clip labels", () => {
  it("names a tile by what it shows, its length and how it was made", () => {
    expect(clipLabel(clip)).toBe("a paper boat, 16 frames, 2.0 s at 8 fps, text to video");
  });

  it("lists the settings a clip has, and only those", () => {
    expect(parameterRows(clip)).toEqual([
      ["Made as", "Text to video"],
      ["Frames", "16 at 8 fps (2.0 s)"],
      ["Size", "64 × 64"],
      ["Prompt", "a paper boat"],
      ["Model", "Tiny Motion"],
      ["Steps", "4"],
      ["CFG scale", "1"],
      ["Sampler", "lcm"],
      ["Seed", "7"],
    ]);
    expect(parameterRows({ ...clip, mode: "import", parameters: null }).map(([name]) => name)).toEqual(["Made as", "Frames", "Size"]);
  });

  it("shows keyframes instead of one prompt, and the interpolation", () => {
    const travelled = {
      ...parameters,
      keyframes: [
        { frame: 0, prompt: "dawn" },
        { frame: 8, prompt: "dusk" },
      ],
      interpolation: { factor: 2, modelId: "rife", modelName: "RIFE 4.9" },
    };
    const rows = new Map(parameterRows({ ...clip, parameters: travelled }));
    expect(rows.get("Keyframes")).toBe("0: dawn\n8: dusk");
    expect(rows.has("Prompt")).toBe(false);
    expect(rows.get("Interpolation")).toBe("×2 with RIFE 4.9");
  });
});
