import type { Sampler } from "../../../../shared/image";

export interface SamplingDefaults {
  steps: number;
  cfgScale: number;
  sampler: Sampler;
}

/** Distilled models (SD-Turbo, SDXL-Turbo, LCM) make an image in 1–4 steps and need little or no guidance. */
export function isFewStepModel(name: string): boolean {
  return /turbo|lcm/i.test(name);
}

const STANDARD: SamplingDefaults = { steps: 20, cfgScale: 7, sampler: "euler_a" };
const TURBO: SamplingDefaults = { steps: 1, cfgScale: 0, sampler: "euler_a" };
const LCM: SamplingDefaults = { steps: 4, cfgScale: 1, sampler: "lcm" };

/** What to fill in when a model is picked. */
export function defaultsForModel(name: string): SamplingDefaults {
  if (/lcm/i.test(name)) return LCM;
  if (/turbo/i.test(name)) return TURBO;
  return STANDARD;
}

/** A gentle note when a few-step model is set up with many steps or strong guidance; null when all is well. */
export function fewStepAdvice(name: string, steps: string, cfgScale: string): string | null {
  if (!isFewStepModel(name)) return null;
  const stepCount = Number(steps);
  const cfg = Number(cfgScale);
  const fine = stepCount >= 1 && stepCount <= 4 && cfg >= 0 && cfg <= 1;
  return fine ? null : `${name} is a few-step model: 1–4 steps and a CFG scale of 0–1 work best.`;
}
