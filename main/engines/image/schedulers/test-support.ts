import { expect } from "vitest";
import { parseSchedulerConfig, type SchedulerConfig } from "./config";
import type { Scheduler } from "./types";

/** runwayml/stable-diffusion-v1-5 scheduler/scheduler_config.json. */
export const SD15_SCHEDULER_JSON = {
  _class_name: "PNDMScheduler",
  _diffusers_version: "0.6.0",
  beta_end: 0.012,
  beta_schedule: "scaled_linear",
  beta_start: 0.00085,
  num_train_timesteps: 1000,
  set_alpha_to_one: false,
  skip_prk_steps: true,
  steps_offset: 1,
  trained_betas: null,
  clip_sample: false,
};

export function sd15Config(overrides: Partial<SchedulerConfig> = {}): SchedulerConfig {
  return { ...parseSchedulerConfig(SD15_SCHEDULER_JSON), ...overrides };
}

/** Deterministic stand-ins for UNet outputs and ancestral noise (same as the numpy reference). */
export const modelOutputAt = (step: number): Float32Array => Float32Array.from([0, 1, 2], (k) => Math.sin(step + k));
export const noiseAt = (step: number): Float32Array => Float32Array.from([0, 1, 2], (k) => Math.cos(step * 3 + k));

/** Runs every step with the stand-in outputs, starting from `start`. */
export function runWithStandIns(scheduler: Scheduler, start: Float32Array): Float32Array {
  let sample = start;
  scheduler.timesteps.forEach((_, step) => {
    sample = scheduler.step(modelOutputAt(step), step, sample, () => noiseAt(step)).prevSample;
  });
  return sample;
}

/** Element-wise |actual − expected| ≤ tolerance·max(1, |expected|). */
export function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance = 1e-3): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    const got = actual[i] ?? Number.NaN;
    expect(Math.abs(got - value), `index ${i}: ${got} vs ${value}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(value)));
  });
}

/** First three and last three of a list. */
export function ends<T>(values: readonly T[]): T[] {
  return [...values.slice(0, 3), ...values.slice(-3)];
}
