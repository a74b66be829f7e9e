import { describe, expect, it } from "vitest";
import { createScheduler } from "./index";
import { eulerSchedule } from "./euler";
import { ends, expectClose, noiseAt, runWithStandIns, sd15Config } from "./test-support";

// Reference values: model-formats.md §7 (diffusers EulerDiscreteScheduler on SD 1.5's config).
describe("Euler on SD 1.5's scaled-linear schedule", () => {
  it("spans σmax ≈ 14.6146 to σmin ≈ 0.0292", () => {
    const { sigmas } = eulerSchedule(sd15Config(), 1000, false);
    expectClose([sigmas[0] ?? 0, sigmas[999] ?? 0], [14.614641, 0.0291672], 1e-5);
  });

  it.each([
    ["linspace (no timestep_spacing in the config)", undefined, [999, 946.4211, 893.8421, 105.1579, 52.5789, 0], [14.6146, 10.7469, 8.0815, 0.23217, 0.029168, 0], 14.6146],
    ["leading", "leading", [951, 901, 851, 101, 51, 1], [11.0283, 8.3907, 6.5064, 0.22815, 0.041315, 0], 11.0736],
    ["trailing", "trailing", [999, 949, 899, 149, 99, 49], [14.6146, 10.9042, 8.3028, 0.34167, 0.223, 0], 14.6146],
  ] as const)("20 steps, %s", (_, spacing, timesteps, sigmas, initNoiseSigma) => {
    const config = sd15Config({ timestepSpacing: spacing });
    const scheduler = createScheduler("euler", config, 20);
    expect(scheduler.timesteps).toHaveLength(20);
    expectClose(ends(scheduler.timesteps), [...timesteps]);
    expectClose(ends(eulerSchedule(config, 20, false).sigmas), [...sigmas]);
    expectClose([scheduler.initNoiseSigma], [initNoiseSigma]);
    expect(createScheduler("euler_a", config, 20).timesteps).toEqual(scheduler.timesteps);
  });

  it("leading with 50 steps: 981 … 1, init σ 13.1585", () => {
    const scheduler = createScheduler("euler", sd15Config({ timestepSpacing: "leading" }), 50);
    expectClose(ends(scheduler.timesteps), [981, 961, 941, 41, 21, 1]);
    expectClose([scheduler.initNoiseSigma], [13.1585]);
  });

  it("SD-Turbo (trailing): 1 step t=[999] σ=[14.6146, 0]; 4 steps t=[999, 749, 499, 249]", () => {
    const config = sd15Config({ timestepSpacing: "trailing" });
    expect(createScheduler("euler", config, 1).timesteps).toEqual([999]);
    expectClose(eulerSchedule(config, 1, false).sigmas, [14.6146, 0]);
    expect(createScheduler("euler", config, 4).timesteps).toEqual([999, 749, 499, 249]);
    expectClose(eulerSchedule(config, 4, false).sigmas, [14.6146, 4.0817, 1.6129, 0.6932, 0]);
  });

  it("scales the model input by 1/√(σ²+1) (14.6488 at σ = 14.6146)", () => {
    const scaled = createScheduler("euler", sd15Config(), 20).scaleModelInput(Float32Array.from([14.6488, -29.2976]), 0);
    expectClose(scaled, [1, -2]);
  });

  it.each(["euler", "euler_a"] as const)("%s lands exactly on x₀ when the model predicts the true noise", (sampler) => {
    const x0 = Float32Array.from([0.3, -1.2, 0.8]);
    const epsilon = Float32Array.from([1.1, 0.4, -0.7]);
    const config = sd15Config();
    const { sigmas } = eulerSchedule(config, 12, false);
    const scheduler = createScheduler(sampler, config, 12);
    let sample: Float32Array = x0.map((v, i) => v + scheduler.initNoiseSigma * (epsilon[i] ?? 0));
    scheduler.timesteps.forEach((_, step) => {
      const sigma = sigmas[step] ?? 0;
      const truth = sample.map((v, i) => (v - (x0[i] ?? 0)) / sigma);
      sample = scheduler.step(truth, step, sample, () => noiseAt(step)).prevSample;
    });
    expectClose(sample, Array.from(x0), 1e-4);
  });

  it("Euler a follows diffusers' step (numpy port, 10 linspace steps, fixed outputs and noise)", () => {
    const scheduler = createScheduler("euler_a", sd15Config(), 10);
    const start = Float32Array.from([1, -0.5, 0.25], (v) => v * scheduler.initNoiseSigma);
    expectClose(runWithStandIns(scheduler, start), [12.743136405944824, -17.544811248779297, -5.5374860763549805]);
  });

  it("img2img strength 0.75 of 20 steps runs the last 15 and noises to their first σ", () => {
    const config = sd15Config();
    const full = createScheduler("euler", config, 20);
    const cut = createScheduler("euler", config, 20, 0.75);
    expect(cut.timesteps).toEqual(full.timesteps.slice(5));
    const sigma = eulerSchedule(config, 20, false).sigmas[5] ?? 0;
    expectClose(cut.addNoise(Float32Array.from([1]), Float32Array.from([2]), 0), [1 + 2 * sigma]);
    expect(Array.from(cut.addNoise(Float32Array.from([1]), Float32Array.from([2]), 15))).toEqual([1]);
    expect(createScheduler("euler", config, 20, 0).timesteps).toEqual([]);
    expect(createScheduler("euler", config, 10, 0.29).timesteps).toHaveLength(2);
  });

  it("rejects step indices outside the run", () => {
    const scheduler = createScheduler("euler", sd15Config(), 4);
    expect(() => scheduler.scaleModelInput(new Float32Array(1), 4)).toThrow(RangeError);
    expect(() => scheduler.addNoise(new Float32Array(1), new Float32Array(1), 5)).toThrow(RangeError);
  });
});
