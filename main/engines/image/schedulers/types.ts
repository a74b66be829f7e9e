export interface StepResult {
  prevSample: Float32Array;
  /** The current estimate of the clean latents (x̂₀), for previews. */
  predOriginal: Float32Array;
}

/**
 * One sampling run. Step indices count from 0 over `timesteps` (already cut by img2img
 * strength); `addNoise` also accepts `timesteps.length`, meaning "fully denoised" (returns a copy).
 */
export interface Scheduler {
  /** The UNet timestep of each step, in run order. */
  readonly timesteps: number[];
  /** Standard deviation of the starting noise for text-to-image (latents = noise × this). */
  readonly initNoiseSigma: number;
  /** The UNet input for a step (Euler divides by √(σ²+1); other samplers return the sample as is). */
  scaleModelInput(sample: Float32Array, stepIndex: number): Float32Array;
  /** Advances one step. `noise` is drawn only by stochastic samplers (Euler a, LCM). */
  step(modelOutput: Float32Array, stepIndex: number, sample: Float32Array, noise: () => Float32Array): StepResult;
  /** Noises clean latents to the level the given step expects (img2img start, inpainting blend). */
  addNoise(original: Float32Array, noise: Float32Array, stepIndex: number): Float32Array;
}

/** a·x + b·y, element-wise, in float64 coefficients. */
export function combine(a: number, x: Float32Array, b: number, y: Float32Array): Float32Array {
  if (x.length !== y.length) throw new RangeError(`tensor sizes differ: ${x.length} vs ${y.length}`);
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = a * (x[i] ?? 0) + b * (y[i] ?? 0);
  return out;
}

export function scale(x: Float32Array, factor: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = (x[i] ?? 0) * factor;
  return out;
}

export function checkStepIndex(stepIndex: number, count: number, inclusiveEnd = false): void {
  const limit = inclusiveEnd ? count : count - 1;
  if (!Number.isInteger(stepIndex) || stepIndex < 0 || stepIndex > limit) {
    throw new RangeError(`step index ${stepIndex} is outside 0…${limit}`);
  }
}

/** For schedulers that start from unit-variance noise and feed the model the sample as it is (DDIM, DPM++, LCM). */
export function unscaledInput(run: number[]): Pick<Scheduler, "timesteps" | "initNoiseSigma" | "scaleModelInput"> {
  return {
    timesteps: run,
    initNoiseSigma: 1,
    scaleModelInput(sample, stepIndex) {
      checkStepIndex(stepIndex, run.length);
      return sample;
    },
  };
}
