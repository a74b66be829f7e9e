import { describe, expect, it } from "vitest";
import { defaultsForModel, fewStepAdvice, isFewStepModel } from "./model-defaults";

describe("model-specific defaults", () => {
  it("treats turbo and LCM models as few-step models", () => {
    expect(isFewStepModel("SD-Turbo (ONNX)")).toBe(true);
    expect(isFewStepModel("sdxl-turbo")).toBe(true);
    expect(isFewStepModel("LCM Dreamshaper v7")).toBe(true);
    expect(isFewStepModel("Stable Diffusion 1.5")).toBe(false);
  });

  it("suggests 1–4 steps and CFG 0–1 for them, and the usual 20 steps at CFG 7 otherwise", () => {
    expect(defaultsForModel("sd-turbo")).toEqual({ steps: 1, cfgScale: 0, sampler: "euler_a" });
    expect(defaultsForModel("lcm-sd15")).toEqual({ steps: 4, cfgScale: 1, sampler: "lcm" });
    expect(defaultsForModel("tiny-sd")).toEqual({ steps: 20, cfgScale: 7, sampler: "euler_a" });
  });

  it("advises only when a few-step model is set up like a standard one", () => {
    expect(fewStepAdvice("sd-turbo", "20", "7")).toMatch(/1–4 steps and a CFG scale of 0–1/);
    expect(fewStepAdvice("sd-turbo", "4", "1")).toBeNull();
    expect(fewStepAdvice("tiny-sd", "50", "12")).toBeNull();
  });
});
