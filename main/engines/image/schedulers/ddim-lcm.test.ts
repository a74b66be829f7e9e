import { describe, expect, it } from "vitest";
import type { SchedulerConfig } from "./config";
import { ddimTimesteps } from "./ddim";
import { createScheduler } from "./index";
import { alphasCumprod } from "./noise-schedule";
import { expectClose, noiseAt, runWithStandIns, sd15Config } from "./test-support";

/** Runs a VP sampler with a model that predicts the true noise of x = √ᾱ·x₀ + √(1−ᾱ)·ε. */
function runWithOracle(sampler: "ddim" | "lcm", steps: number, x0: Float32Array, epsilon: Float32Array, overrides: Partial<SchedulerConfig> = {}): Float32Array {
  const config = sd15Config(overrides);
  const cumprod = alphasCumprod(config);
  const scheduler = createScheduler(sampler, config, steps);
  let sample = scheduler.addNoise(x0, epsilon, 0);
  scheduler.timesteps.forEach((timestep, step) => {
    const alpha = cumprod[timestep] ?? 1;
    const truth = sample.map((v, i) => (v - Math.sqrt(alpha) * (x0[i] ?? 0)) / Math.sqrt(1 - alpha));
    sample = scheduler.step(truth, step, sample, () => noiseAt(step)).prevSample;
  });
  return sample;
}

describe("DDIM", () => {
  it("uses 'leading' spacing by default: 981, 961 … 21, 1 for 50 steps; init σ 1", () => {
    const scheduler = createScheduler("ddim", sd15Config(), 50);
    expect(scheduler.timesteps).toEqual(Array.from({ length: 50 }, (_, i) => 981 - 20 * i));
    expect(scheduler.initNoiseSigma).toBe(1);
  });

  it("rounds linspace/trailing timesteps half-to-even like numpy", () => {
    // np.linspace(0, 999, 7).round() = [0, 166, 333, 500, 666, 832, 999] (166.5 → 166, 832.5 → 832).
    expect(ddimTimesteps(sd15Config({ timestepSpacing: "linspace" }), 7)).toEqual([999, 832, 666, 500, 333, 166, 0]);
    // np.arange(1000, 0, -62.5).round() - 1 starts 999, 937 (937.5 → 938), 874, 811 (812.5 → 812).
    expect(ddimTimesteps(sd15Config({ timestepSpacing: "trailing" }), 16).slice(0, 4)).toEqual([999, 937, 874, 811]);
  });

  it("follows diffusers' step (numpy port, 10 steps, fixed outputs)", () => {
    expectClose(runWithStandIns(createScheduler("ddim", sd15Config(), 10), Float32Array.from([1, -0.5, 0.25])), [6.170723915100098, -8.215299606323242, 0.07353675365447998]);
  });

  it("with a true-noise model ends at ᾱ₀'s noise level (set_alpha_to_one false), or at x₀ (true)", () => {
    const x0 = Float32Array.from([0.5, -0.25, 1]);
    const epsilon = Float32Array.from([1, 0.3, -0.8]);
    const alpha0 = alphasCumprod(sd15Config())[0] ?? 0;
    const expected = Array.from(x0, (v, i) => Math.sqrt(alpha0) * v + Math.sqrt(1 - alpha0) * (epsilon[i] ?? 0));
    expectClose(runWithOracle("ddim", 10, x0, epsilon), expected, 1e-5);
    expectClose(runWithOracle("ddim", 10, x0, epsilon, { setAlphaToOne: true }), Array.from(x0), 1e-5);
  });

  it("clips x̂₀ when the config asks for it", () => {
    const scheduler = createScheduler("ddim", sd15Config({ clipSample: true }), 10);
    const { predOriginal } = scheduler.step(Float32Array.from([-50, 50]), 0, Float32Array.from([0, 0]), () => new Float32Array(2));
    expect(Array.from(predOriginal)).toEqual([1, -1]);
  });
});

describe("LCM", () => {
  it.each([
    [1, [999]],
    [2, [999, 499]],
    [4, [999, 759, 499, 259]],
    [8, [999, 879, 759, 639, 499, 379, 259, 139]],
  ])("%i steps: %j, init σ 1", (steps, expected) => {
    const scheduler = createScheduler("lcm", sd15Config(), steps);
    expect(scheduler.timesteps).toEqual(expected);
    expect(scheduler.initNoiseSigma).toBe(1);
  });

  it("follows diffusers' step (numpy port, 4 steps, fixed outputs and noise)", () => {
    expectClose(runWithStandIns(createScheduler("lcm", sd15Config(), 4), Float32Array.from([1, -0.5, 0.25])), [12.850119590759277, -21.38944435119629, -9.737818717956543]);
  });

  it("draws no noise on its single step and lands near x₀ with a true-noise model", () => {
    const scheduler = createScheduler("lcm", sd15Config(), 1);
    const { prevSample } = scheduler.step(new Float32Array(2), 0, new Float32Array(2), () => {
      throw new Error("noise drawn on the last step");
    });
    expect(prevSample).toHaveLength(2);
    expectClose(runWithOracle("lcm", 4, Float32Array.from([0.5, -0.25, 1]), Float32Array.from([1, 0.3, -0.8])), [0.5, -0.25, 1], 1e-3);
  });

  it("applies img2img strength to its distillation schedule", () => {
    // origin = (1 … 25)·20 − 1 reversed; 4 of its 25 values at indices 0, 6, 12, 18.
    expect(createScheduler("lcm", sd15Config(), 4, 0.5).timesteps).toEqual([499, 379, 259, 139]);
    // strength 0.04 leaves 2 distillation timesteps: 2 steps instead of diffusers' error.
    expect(createScheduler("lcm", sd15Config(), 4, 0.04).timesteps).toEqual([39, 19]);
  });
});
