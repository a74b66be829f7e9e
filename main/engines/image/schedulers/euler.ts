import { AppError } from "../../../../shared/errors";
import type { SchedulerConfig } from "./config";
import { alphasCumprod, interpolate, karrasSigmas, sigmaToTimestep, spacedTimesteps, strengthStart, trainSigmas } from "./noise-schedule";
import { checkStepIndex, combine, scale, type Scheduler } from "./types";

/** Timesteps and sigmas (with the final 0) of diffusers' EulerDiscreteScheduler.set_timesteps. */
export function eulerSchedule(config: SchedulerConfig, steps: number, karras: boolean): { timesteps: number[]; sigmas: number[] } {
  if (config.interpolationType !== "linear") {
    throw new AppError("UNSUPPORTED", `Euler sampling with interpolation_type "${config.interpolationType}" is not supported`);
  }
  const spacing = config.timestepSpacing ?? "linspace";
  // diffusers keeps Euler timesteps as float32.
  let timesteps = spacedTimesteps(spacing, steps, config).map(Math.fround);
  const train = trainSigmas(alphasCumprod(config));
  let sigmas = timesteps.map((t) => interpolate(t, train));
  if (karras) {
    sigmas = karrasSigmas(sigmas[0] ?? 0, sigmas[sigmas.length - 1] ?? 0, steps);
    const logSigmas = train.map(Math.log);
    timesteps = sigmas.map((sigma) => Math.fround(sigmaToTimestep(sigma, logSigmas)));
  }
  return { timesteps, sigmas: [...sigmas.map(Math.fround), 0] };
}

/** x̂₀ from the model output at noise level σ (k-diffusion parameterization). */
function predictOriginal(config: SchedulerConfig, modelOutput: Float32Array, sample: Float32Array, sigma: number): Float32Array {
  if (config.predictionType === "epsilon") return combine(1, sample, -sigma, modelOutput);
  if (config.predictionType === "v_prediction") return combine(1 / (sigma * sigma + 1), sample, -sigma / Math.sqrt(sigma * sigma + 1), modelOutput);
  return modelOutput.slice();
}

/**
 * EulerDiscreteScheduler (s_churn = 0) or, with `ancestral`, EulerAncestralDiscreteScheduler:
 * x ← x + d·(σ_down − σ) + noise·σ_up, where d = (x − x̂₀)/σ.
 */
export function createEulerScheduler(config: SchedulerConfig, steps: number, strength: number | undefined, ancestral: boolean): Scheduler {
  const { timesteps, sigmas } = eulerSchedule(config, steps, !ancestral && config.useKarrasSigmas);
  const start = strengthStart(steps, strength);
  const spacing = config.timestepSpacing ?? "linspace";
  const maxSigma = Math.max(...sigmas);
  const sigmaAt = (stepIndex: number): number => sigmas[start + stepIndex] ?? 0;
  const run = timesteps.slice(start);

  return {
    timesteps: run,
    initNoiseSigma: spacing === "linspace" || spacing === "trailing" ? maxSigma : Math.sqrt(maxSigma * maxSigma + 1),
    scaleModelInput(sample, stepIndex) {
      checkStepIndex(stepIndex, run.length);
      const sigma = sigmaAt(stepIndex);
      return scale(sample, 1 / Math.sqrt(sigma * sigma + 1));
    },
    step(modelOutput, stepIndex, sample, noise) {
      checkStepIndex(stepIndex, run.length);
      const sigma = sigmaAt(stepIndex);
      const next = sigmaAt(stepIndex + 1);
      const predOriginal = predictOriginal(config, modelOutput, sample, sigma);
      const derivative = combine(1 / sigma, sample, -1 / sigma, predOriginal);
      if (!ancestral) return { prevSample: combine(1, sample, next - sigma, derivative), predOriginal };
      const sigmaUp = Math.sqrt((next * next * (sigma * sigma - next * next)) / (sigma * sigma));
      const sigmaDown = Math.sqrt(next * next - sigmaUp * sigmaUp);
      const moved = combine(1, sample, sigmaDown - sigma, derivative);
      // The last step has σ_up = 0: no noise is drawn.
      return { prevSample: sigmaUp > 0 ? combine(1, moved, sigmaUp, noise()) : moved, predOriginal };
    },
    addNoise(original, noiseSample, stepIndex) {
      checkStepIndex(stepIndex, run.length, true);
      return combine(1, original, sigmaAt(stepIndex), noiseSample);
    },
  };
}
