import { describe, expect, it } from "vitest";
import { parseSchedulerConfig } from "./config";
import { dpmKarrasSchedule } from "./dpmpp-2m";
import { eulerSchedule } from "./euler";
import { createScheduler } from "./index";
import { alphasCumprod, roundHalfEven, spacedTimesteps, strengthStart } from "./noise-schedule";
import { expectClose, SD15_SCHEDULER_JSON, sd15Config } from "./test-support";

describe("noise schedule helpers", () => {
  it("round halves to even like numpy", () => {
    expect([0.5, 1.5, 2.5, 812.5, 937.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 812, 938, 2, 3]);
  });

  it("give exactly `steps` trailing timesteps, also where numpy's float arange adds one", () => {
    const timesteps = spacedTimesteps("trailing", 61, sd15Config());
    expect(timesteps).toHaveLength(61);
    expect(timesteps[0]).toBe(999);
    expect(Math.min(...timesteps)).toBeGreaterThanOrEqual(0);
  });

  it("skip ⌊steps·(1 − strength)⌋ steps for img2img as get_timesteps does", () => {
    expect([strengthStart(20, undefined), strengthStart(20, 0.75), strengthStart(20, 1), strengthStart(20, 0), strengthStart(10, 0.29)]).toEqual([0, 5, 0, 20, 8]);
  });
});

describe("parseSchedulerConfig", () => {
  it("reads SD 1.5's config and leaves class-specific defaults open", () => {
    const config = parseSchedulerConfig(SD15_SCHEDULER_JSON);
    expect(config).toMatchObject({ numTrainTimesteps: 1000, betaSchedule: "scaled_linear", stepsOffset: 1, setAlphaToOne: false, clipSample: false, predictionType: "epsilon" });
    expect(config.timestepSpacing).toBeUndefined();
    const cumprod = alphasCumprod(config);
    expectClose([cumprod[0] ?? 0, cumprod[999] ?? 0], [0.99915, 0.0046480], 1e-4);
  });

  it("reads SD-Turbo / SDXL style fields", () => {
    const config = parseSchedulerConfig({ ...SD15_SCHEDULER_JSON, _class_name: "EulerDiscreteScheduler", timestep_spacing: "trailing", use_karras_sigmas: false, interpolation_type: "linear", prediction_type: "v_prediction" });
    expect(config.timestepSpacing).toBe("trailing");
    expect(config.predictionType).toBe("v_prediction");
  });

  it("rejects configs it cannot follow", () => {
    expect(() => parseSchedulerConfig({ beta_schedule: "sigmoid" })).toThrow(/beta_schedule/);
    expect(() => parseSchedulerConfig({ timestep_spacing: 3 })).toThrow(/timestep_spacing/);
    expect(() => parseSchedulerConfig({ num_train_timesteps: 2, trained_betas: [0.1] })).toThrow(/trained_betas/);
    expect(() => parseSchedulerConfig("not an object")).toThrow(/invalid scheduler config/);
  });

  it("rejects step counts and strengths out of range", () => {
    expect(() => createScheduler("euler", sd15Config(), 0)).toThrow(RangeError);
    expect(() => createScheduler("euler", sd15Config(), 1001)).toThrow(RangeError);
    expect(() => createScheduler("euler", sd15Config(), 10, 1.5)).toThrow(RangeError);
    expect(() => createScheduler("lcm", sd15Config(), 51)).toThrow(RangeError);
  });
});

describe("v-prediction models", () => {
  const x0 = Float32Array.from([0.5, -0.25, 1]);
  const epsilon = Float32Array.from([1, 0.3, -0.8]);
  const config = sd15Config({ predictionType: "v_prediction" });

  it.each(["euler", "dpmpp_2m_karras"] as const)("%s recovers x₀ from the true velocity", (sampler) => {
    const sigmas = sampler === "euler" ? eulerSchedule(config, 10, false).sigmas : dpmKarrasSchedule(config, 10).sigmas;
    const scheduler = createScheduler(sampler, config, 10);
    let sample = scheduler.addNoise(x0, epsilon, 0);
    scheduler.timesteps.forEach((_, step) => {
      const sigma = sigmas[step] ?? 0;
      const alpha = 1 / Math.sqrt(sigma * sigma + 1);
      // Euler keeps x = x₀ + σε; DPM++ keeps the VP form x = α(x₀ + σε).
      const vpScale = sampler === "euler" ? 1 : alpha;
      const noise = sample.map((v, i) => (v / vpScale - (x0[i] ?? 0)) / sigma);
      const velocity = noise.map((e, i) => alpha * e - sigma * alpha * (x0[i] ?? 0));
      sample = scheduler.step(velocity, step, sample, () => new Float32Array(3)).prevSample;
    });
    expectClose(sample, Array.from(x0), 1e-4);
  });

  it("ddim recovers x₀ from the true velocity (set_alpha_to_one)", () => {
    const vpConfig = { ...config, setAlphaToOne: true };
    const cumprod = alphasCumprod(vpConfig);
    const scheduler = createScheduler("ddim", vpConfig, 10);
    let sample = scheduler.addNoise(x0, epsilon, 0);
    scheduler.timesteps.forEach((timestep, step) => {
      const alpha = cumprod[timestep] ?? 1;
      const velocity = epsilon.map((e, i) => Math.sqrt(alpha) * e - Math.sqrt(1 - alpha) * (x0[i] ?? 0));
      sample = scheduler.step(velocity, step, sample, () => new Float32Array(3)).prevSample;
    });
    expectClose(sample, Array.from(x0), 1e-4);
  });
});
