import type { SchedulerConfig, TimestepSpacing } from "./config";

/** The training noise schedule and the timestep/sigma arithmetic diffusers' schedulers share. */

/** numpy's round(): halves go to the even neighbour (np.round(812.5) = 812). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** np.linspace(start, stop, count) with endpoint. */
export function linspace(start: number, stop: number, count: number): number[] {
  if (count === 1) return [start];
  const step = (stop - start) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? stop : start + i * step));
}

function cosineBetas(count: number): number[] {
  const alphaBar = (t: number) => Math.cos(((t + 0.008) / 1.008) * (Math.PI / 2)) ** 2;
  return Array.from({ length: count }, (_, i) => Math.min(1 - alphaBar((i + 1) / count) / alphaBar(i / count), 0.999));
}

/** Rescales betas to zero terminal SNR (arXiv 2305.08891, Algorithm 1), as diffusers does. */
function rescaleZeroTerminalSnr(alphasCumprod: number[]): number[] {
  const roots = alphasCumprod.map(Math.sqrt);
  const first = roots[0] ?? 1;
  const last = roots[roots.length - 1] ?? 0;
  const shifted = roots.map((root) => ((root - last) * first) / (first - last));
  const rescaled = shifted.map((root) => root * root);
  // diffusers keeps the last value just above zero so the first sigma is finite.
  rescaled[rescaled.length - 1] = 2 ** -24;
  return rescaled;
}

/** ᾱ_t for t = 0 … numTrainTimesteps − 1. */
export function alphasCumprod(config: SchedulerConfig): number[] {
  const n = config.numTrainTimesteps;
  let betas: number[];
  if (config.trainedBetas) betas = config.trainedBetas;
  else if (config.betaSchedule === "linear") betas = linspace(config.betaStart, config.betaEnd, n);
  else if (config.betaSchedule === "scaled_linear") betas = linspace(Math.sqrt(config.betaStart), Math.sqrt(config.betaEnd), n).map((b) => b * b);
  else betas = cosineBetas(n);
  const cumulative: number[] = [];
  let product = 1;
  for (const beta of betas) {
    product *= 1 - beta;
    cumulative.push(product);
  }
  return config.rescaleBetasZeroSnr ? rescaleZeroTerminalSnr(cumulative) : cumulative;
}

/** σ_t = √((1 − ᾱ_t) / ᾱ_t), ascending with t. */
export function trainSigmas(cumprod: readonly number[]): number[] {
  return cumprod.map((a) => Math.sqrt((1 - a) / a));
}

/**
 * Inference timesteps, descending, as Euler/DDIM/DPM++ space them. `step` selects how leading
 * and trailing divide: Euler and DDIM use ⌊train/steps⌋ for leading; DPM++ spaces steps + 1
 * points and drops the last.
 */
export function spacedTimesteps(spacing: TimestepSpacing, steps: number, config: SchedulerConfig): number[] {
  const train = config.numTrainTimesteps;
  if (spacing === "linspace") return linspace(0, train - 1, steps).reverse();
  if (spacing === "leading") {
    const ratio = Math.floor(train / steps);
    return Array.from({ length: steps }, (_, i) => (steps - 1 - i) * ratio + config.stepsOffset);
  }
  // np.arange(train, 0, -train/steps).round() - 1; exactly `steps` values (numpy's float
  // arange yields one extra, negative timestep for a few step counts such as 61).
  const ratio = train / steps;
  return Array.from({ length: steps }, (_, i) => roundHalfEven(train - i * ratio) - 1);
}

/** np.interp(x, [0, 1, …, n−1], values), clamped at both ends. */
export function interpolate(x: number, values: readonly number[]): number {
  if (x <= 0) return values[0] ?? 0;
  const last = values.length - 1;
  if (x >= last) return values[last] ?? 0;
  const low = Math.floor(x);
  const w = x - low;
  return (values[low] ?? 0) * (1 - w) + (values[low + 1] ?? 0) * w;
}

/** diffusers `_sigma_to_t`: the fractional train timestep of σ, interpolating in log σ. */
export function sigmaToTimestep(sigma: number, logSigmas: readonly number[]): number {
  const logSigma = Math.log(Math.max(sigma, 1e-10));
  let low = 0;
  for (let i = 0; i < logSigmas.length; i++) if (logSigma - (logSigmas[i] ?? 0) >= 0) low = i;
  low = Math.min(low, logSigmas.length - 2);
  const lowValue = logSigmas[low] ?? 0;
  const highValue = logSigmas[low + 1] ?? 0;
  const w = Math.min(Math.max((lowValue - logSigma) / (lowValue - highValue), 0), 1);
  return (1 - w) * low + w * (low + 1);
}

/** Karras et al. (2022) sigmas, ρ = 7, from σmax down to σmin in `steps` values. */
export function karrasSigmas(sigmaMax: number, sigmaMin: number, steps: number): number[] {
  const rho = 7;
  const maxInv = sigmaMax ** (1 / rho);
  const minInv = sigmaMin ** (1 / rho);
  return linspace(0, 1, steps).map((ramp) => (maxInv + ramp * (minInv - maxInv)) ** rho);
}

/**
 * How many leading steps img2img skips (diffusers get_timesteps):
 * init = min(⌊steps·strength⌋, steps), start = steps − init.
 */
export function strengthStart(steps: number, strength: number | undefined): number {
  if (strength === undefined) return 0;
  const init = Math.min(Math.trunc(steps * strength), steps);
  return Math.max(steps - init, 0);
}
