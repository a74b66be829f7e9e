import type { SchedulerConfig } from "./config";
import { alphasCumprod, karrasSigmas, roundHalfEven, sigmaToTimestep, strengthStart, trainSigmas } from "./noise-schedule";
import { checkStepIndex, combine, unscaledInput, type Scheduler } from "./types";

/**
 * DPMSolverMultistepScheduler.set_timesteps with use_karras_sigmas: Karras sigmas between the
 * training σmax and σmin, timesteps mapped back through log σ and rounded, final σ = 0.
 */
export function dpmKarrasSchedule(config: SchedulerConfig, steps: number): { timesteps: number[]; sigmas: number[] } {
  const train = trainSigmas(alphasCumprod(config));
  const logSigmas = train.map(Math.log);
  const sigmas = karrasSigmas(train[train.length - 1] ?? 0, train[0] ?? 0, steps);
  const timesteps = sigmas.map((sigma) => roundHalfEven(sigmaToTimestep(sigma, logSigmas)));
  return { timesteps, sigmas: [...sigmas.map(Math.fround), 0] };
}

/** VP coefficients of σ: α_t = 1/√(σ²+1), σ_t = σ·α_t, and λ = log α_t − log σ_t. */
function vp(sigma: number): { alpha: number; sigmaT: number; lambda: number } {
  const alpha = 1 / Math.sqrt(sigma * sigma + 1);
  const sigmaT = sigma * alpha;
  return { alpha, sigmaT, lambda: Math.log(alpha) - Math.log(sigmaT) };
}

/**
 * DPM++ 2M Karras: DPMSolverMultistepScheduler (dpmsolver++, solver_order 2, midpoint,
 * lower_order_final, final_sigmas_type "zero"). The first step and the last are first order.
 * Steps must be taken in order: the solver keeps the previous x̂₀.
 */
export function createDpmpp2mScheduler(config: SchedulerConfig, steps: number, strength: number | undefined): Scheduler {
  const { timesteps, sigmas } = dpmKarrasSchedule(config, steps);
  const start = strengthStart(steps, strength);
  const run = timesteps.slice(start);
  const sigmaAt = (stepIndex: number): number => sigmas[start + stepIndex] ?? 0;
  let previousOriginal: Float32Array | undefined;
  let expectedStep = 0;

  const toOriginal = (modelOutput: Float32Array, sample: Float32Array, sigma: number): Float32Array => {
    const { alpha, sigmaT } = vp(sigma);
    if (config.predictionType === "epsilon") return combine(1 / alpha, sample, -sigmaT / alpha, modelOutput);
    if (config.predictionType === "v_prediction") return combine(alpha, sample, -sigmaT, modelOutput);
    return modelOutput.slice();
  };

  return {
    ...unscaledInput(run),
    step(modelOutput, stepIndex, sample) {
      checkStepIndex(stepIndex, run.length);
      if (stepIndex !== expectedStep) throw new RangeError(`DPM++ 2M steps must run in order: expected step ${expectedStep}, got ${stepIndex}`);
      expectedStep++;
      const s0 = vp(sigmaAt(stepIndex));
      const t = vp(sigmaAt(stepIndex + 1));
      const original = toOriginal(modelOutput, sample, sigmaAt(stepIndex));
      const h = t.lambda - s0.lambda;
      // With σ_next = 0, h = ∞ and exp(−h) − 1 = −1: the step lands on x̂₀.
      const decay = t.alpha * (Math.exp(-h) - 1);
      const ratio = t.sigmaT / s0.sigmaT;
      const isLast = stepIndex === run.length - 1;
      let prevSample: Float32Array;
      if (previousOriginal === undefined || isLast) {
        prevSample = combine(ratio, sample, -decay, original);
      } else {
        const s1 = vp(sigmaAt(stepIndex - 1));
        const r0 = (s0.lambda - s1.lambda) / h;
        // D0 = m0, D1 = (m0 − m1)/r0; x = ratio·x − decay·D0 − ½·decay·D1.
        const d1 = combine(1 / r0, original, -1 / r0, previousOriginal);
        prevSample = combine(1, combine(ratio, sample, -decay, original), -0.5 * decay, d1);
      }
      previousOriginal = original;
      return { prevSample, predOriginal: original };
    },
    addNoise(original, noise, stepIndex) {
      checkStepIndex(stepIndex, run.length, true);
      const { alpha, sigmaT } = vp(sigmaAt(stepIndex));
      return combine(alpha, original, sigmaT, noise);
    },
  };
}
