import type { SchedulerConfig } from "./config";
import { clamp, ddpmAddNoise, finalAlphaCumprod, predictOriginalAndNoise } from "./ddim";
import { alphasCumprod } from "./noise-schedule";
import { checkStepIndex, combine, unscaledInput, type Scheduler } from "./types";

const SIGMA_DATA = 0.5;

/**
 * LCMScheduler.set_timesteps: k = ⌊train/original_steps⌋, the distillation schedule
 * (1 … ⌊original·strength⌋)·k − 1 reversed, and `steps` of them at evenly spaced indices.
 * Strength is applied here (as LCM's img2img pipeline does), not by cutting the schedule.
 */
export function lcmTimesteps(config: SchedulerConfig, steps: number, strength = 1): number[] {
  const original = config.originalInferenceSteps;
  if (original > config.numTrainTimesteps) throw new RangeError(`original_inference_steps ${original} exceeds the ${config.numTrainTimesteps} train timesteps`);
  if (steps > original) throw new RangeError(`LCM runs at most ${original} steps, got ${steps}`);
  const k = Math.floor(config.numTrainTimesteps / original);
  const originCount = Math.trunc(original * strength);
  const origin = Array.from({ length: originCount }, (_, i) => (originCount - i) * k - 1);
  // diffusers rejects strength·original < steps; running fewer steps keeps img2img usable.
  const count = Math.min(steps, origin.length);
  const stride = origin.length / count; // np.linspace(0, len, count, endpoint=False), floored
  return Array.from({ length: count }, (_, i) => origin[Math.floor(i * stride)] ?? 0);
}

/** LCMScheduler: consistency-model boundary conditions, fresh noise between steps. */
export function createLcmScheduler(config: SchedulerConfig, steps: number, strength: number | undefined): Scheduler {
  const cumprod = alphasCumprod(config);
  const finalAlpha = finalAlphaCumprod(config, cumprod);
  const clipSample = config.clipSample ?? false;
  const run = lcmTimesteps(config, steps, strength);

  return {
    ...unscaledInput(run),
    step(modelOutput, stepIndex, sample, noise) {
      checkStepIndex(stepIndex, run.length);
      const timestep = run[stepIndex] ?? 0;
      const previous = run[stepIndex + 1] ?? timestep;
      const alpha = cumprod[timestep] ?? 1;
      const alphaPrev = previous >= 0 ? (cumprod[previous] ?? 1) : finalAlpha;
      const scaled = timestep * config.timestepScaling;
      const cSkip = SIGMA_DATA ** 2 / (scaled ** 2 + SIGMA_DATA ** 2);
      const cOut = scaled / Math.sqrt(scaled ** 2 + SIGMA_DATA ** 2);
      const [original] = predictOriginalAndNoise(config, modelOutput, sample, alpha);
      if (clipSample) clamp(original, config.clipSampleRange);
      const denoised = combine(cOut, original, cSkip, sample);
      // No noise after the last step (and none at all for one-step sampling).
      if (stepIndex === run.length - 1) return { prevSample: denoised, predOriginal: denoised };
      return { prevSample: combine(Math.sqrt(alphaPrev), denoised, Math.sqrt(1 - alphaPrev), noise()), predOriginal: denoised };
    },
    addNoise(original, noise, stepIndex) {
      checkStepIndex(stepIndex, run.length, true);
      return ddpmAddNoise(cumprod, original, noise, run[stepIndex]);
    },
  };
}
