import type { SchedulerConfig } from "./config";
import { alphasCumprod, linspace, roundHalfEven, spacedTimesteps, strengthStart } from "./noise-schedule";
import { checkStepIndex, combine, unscaledInput, type Scheduler } from "./types";

/** DDIM's integer timesteps (default spacing "leading"). */
export function ddimTimesteps(config: SchedulerConfig, steps: number): number[] {
  const spacing = config.timestepSpacing ?? "leading";
  if (spacing === "linspace") return linspace(0, config.numTrainTimesteps - 1, steps).map(roundHalfEven).reverse();
  return spacedTimesteps(spacing, steps, config);
}

/** Clips x̂₀ to ±limit in place (clip_sample). */
export function clamp(values: Float32Array, limit: number): Float32Array {
  for (let i = 0; i < values.length; i++) values[i] = Math.min(Math.max(values[i] ?? 0, -limit), limit);
  return values;
}

/** ᾱ before the first train step, used past the end of the schedule (set_alpha_to_one). */
export function finalAlphaCumprod(config: SchedulerConfig, cumprod: readonly number[]): number {
  return (config.setAlphaToOne ?? true) ? 1 : (cumprod[0] ?? 1);
}

/** x̂₀ and ε̂ from the model output, for ᾱ_t = alpha. */
export function predictOriginalAndNoise(config: SchedulerConfig, modelOutput: Float32Array, sample: Float32Array, alpha: number): [Float32Array, Float32Array] {
  const beta = 1 - alpha;
  if (config.predictionType === "epsilon") return [combine(1 / Math.sqrt(alpha), sample, -Math.sqrt(beta) / Math.sqrt(alpha), modelOutput), modelOutput];
  if (config.predictionType === "v_prediction") {
    return [combine(Math.sqrt(alpha), sample, -Math.sqrt(beta), modelOutput), combine(Math.sqrt(alpha), modelOutput, Math.sqrt(beta), sample)];
  }
  return [modelOutput.slice(), combine(1 / Math.sqrt(beta), sample, -Math.sqrt(alpha) / Math.sqrt(beta), modelOutput)];
}

/** √ᾱ_t·x₀ + √(1−ᾱ_t)·ε (DDPM's add_noise, used by DDIM and LCM). */
export function ddpmAddNoise(cumprod: readonly number[], original: Float32Array, noise: Float32Array, timestep: number | undefined): Float32Array {
  if (timestep === undefined) return original.slice();
  const alpha = cumprod[timestep] ?? 1;
  return combine(Math.sqrt(alpha), original, Math.sqrt(1 - alpha), noise);
}

/** DDIMScheduler with η = 0 (deterministic), as diffusers' pipelines call it. */
export function createDdimScheduler(config: SchedulerConfig, steps: number, strength: number | undefined): Scheduler {
  const cumprod = alphasCumprod(config);
  const finalAlpha = finalAlphaCumprod(config, cumprod);
  const clipSample = config.clipSample ?? true;
  // diffusers steps back by ⌊train/steps⌋ whatever the spacing.
  const stride = Math.floor(config.numTrainTimesteps / steps);
  const run = ddimTimesteps(config, steps).slice(strengthStart(steps, strength));
  const timestepAt = (stepIndex: number): number => run[stepIndex] ?? 0;

  return {
    ...unscaledInput(run),
    step(modelOutput, stepIndex, sample) {
      checkStepIndex(stepIndex, run.length);
      const timestep = timestepAt(stepIndex);
      const previous = timestep - stride;
      const alpha = cumprod[timestep] ?? 1;
      const alphaPrev = previous >= 0 ? (cumprod[previous] ?? 1) : finalAlpha;
      const [original, epsilon] = predictOriginalAndNoise(config, modelOutput, sample, alpha);
      const predOriginal = clipSample ? clamp(original, config.clipSampleRange) : original;
      return { prevSample: combine(Math.sqrt(alphaPrev), predOriginal, Math.sqrt(1 - alphaPrev), epsilon), predOriginal };
    },
    addNoise(original, noise, stepIndex) {
      checkStepIndex(stepIndex, run.length, true);
      return ddpmAddNoise(cumprod, original, noise, run[stepIndex]);
    },
  };
}
