import { describe, expect, it } from "vitest";
import { dpmKarrasSchedule } from "./dpmpp-2m";
import { createScheduler } from "./index";
import { expectClose, modelOutputAt, runWithStandIns, sd15Config } from "./test-support";

/** Karras et al. (2022) eq. 5 with ρ = 7, from the SD 1.5 σmax/σmin of model-formats.md §7. */
function expectedKarras(steps: number): number[] {
  const [max, min, rho] = [14.614641, 0.0291672, 7];
  return Array.from({ length: steps }, (_, i) => (max ** (1 / rho) + (i / (steps - 1)) * (min ** (1 / rho) - max ** (1 / rho))) ** rho);
}

describe("DPM++ 2M Karras", () => {
  it("uses Karras sigmas (ρ = 7) from σmax to σmin, then 0", () => {
    const { sigmas } = dpmKarrasSchedule(sd15Config(), 20);
    expectClose(sigmas, [...expectedKarras(20), 0]);
    expect(createScheduler("dpmpp_2m_karras", sd15Config(), 20).initNoiseSigma).toBe(1);
  });

  it("maps each sigma back to a rounded train timestep through log σ (diffusers' values)", () => {
    expect(createScheduler("dpmpp_2m_karras", sd15Config(), 20).timesteps).toEqual([999, 962, 921, 876, 827, 772, 710, 640, 561, 474, 380, 285, 197, 123, 69, 35, 15, 6, 2, 0]);
  });

  it("follows diffusers' multistep update (numpy port, 20 steps, fixed outputs)", () => {
    const scheduler = createScheduler("dpmpp_2m_karras", sd15Config(), 20);
    let sample: Float32Array = Float32Array.from([1, -0.5, 0.25]);
    for (let step = 0; step < 3; step++) sample = scheduler.step(modelOutputAt(step), step, sample, () => new Float32Array(3)).prevSample;
    expectClose(sample, [1.2945555448532104, -1.5456105470657349, 0.5550044775009155]);
    const full = runWithStandIns(createScheduler("dpmpp_2m_karras", sd15Config(), 20), Float32Array.from([1, -0.5, 0.25]));
    expectClose(full, [11.849942207336426, -9.315911293029785, 4.309069633483887]);
  });

  it("recovers x₀ when the model predicts the true noise", () => {
    const x0 = Float32Array.from([0.5, -0.25, 1]);
    const epsilon = Float32Array.from([1, 0.3, -0.8]);
    const { sigmas } = dpmKarrasSchedule(sd15Config(), 8);
    const scheduler = createScheduler("dpmpp_2m_karras", sd15Config(), 8);
    let sample = scheduler.addNoise(x0, epsilon, 0);
    scheduler.timesteps.forEach((_, step) => {
      const sigma = sigmas[step] ?? 0;
      const alpha = 1 / Math.sqrt(sigma * sigma + 1);
      const truth = sample.map((v, i) => (v - alpha * (x0[i] ?? 0)) / (sigma * alpha));
      sample = scheduler.step(truth, step, sample, () => new Float32Array(3)).prevSample;
    });
    expectClose(sample, Array.from(x0), 1e-4);
  });

  it("requires steps in order, and starts img2img at the strength's step with a first-order update", () => {
    const scheduler = createScheduler("dpmpp_2m_karras", sd15Config(), 10);
    expect(() => scheduler.step(new Float32Array(1), 1, new Float32Array(1), () => new Float32Array(1))).toThrow(/in order/);
    const cut = createScheduler("dpmpp_2m_karras", sd15Config(), 10, 0.5);
    expect(cut.timesteps).toEqual(createScheduler("dpmpp_2m_karras", sd15Config(), 10).timesteps.slice(5));
    expect(() => cut.step(new Float32Array(1), 0, new Float32Array(1), () => new Float32Array(1))).not.toThrow();
  });
});
