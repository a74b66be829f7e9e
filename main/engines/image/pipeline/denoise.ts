import { AppError } from "../../../../shared/errors";
import type { Scheduler } from "../schedulers";
import type { PreparedGuidance, Unet } from "./unet";

/** Masked img2img on an ordinary UNet: the kept region is put back, noised to the next step's level, after every step. */
export interface LatentBlend {
  /** Scaled latents of the init image. */
  initLatents: Float32Array;
  /** [h, w]: 1 = repaint, 0 = keep. */
  mask: Float32Array;
  noise: Float32Array;
}

export interface DenoiseOptions {
  unet: Unet;
  scheduler: Scheduler;
  /** Starting latents [4, h, w], already noised. */
  latents: Float32Array;
  height: number;
  width: number;
  guidance: PreparedGuidance;
  /** Inpainting UNets: mask + masked-image latents, appended to every UNet input. */
  extra?: Float32Array;
  blend?: LatentBlend;
  /** Fresh noise for ancestral samplers. */
  stepNoise: () => Float32Array;
  signal: AbortSignal;
  /** After each step, with the scheduler's current estimate of the final latents. */
  onStep(step: number, total: number, predictedOriginal: Float32Array): void;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
}

/** latents = known·(1 − m) + latents·m, per channel. */
function blendInto(latents: Float32Array, known: Float32Array, mask: Float32Array): void {
  const plane = mask.length;
  for (let i = 0; i < latents.length; i++) {
    const m = mask[i % plane] ?? 1;
    latents[i] = (known[i] ?? 0) * (1 - m) + (latents[i] ?? 0) * m;
  }
}

/** The sampling loop: one UNet prediction and one scheduler step per timestep; cancellable between steps. */
export async function denoise(options: DenoiseOptions): Promise<Float32Array> {
  const { unet, scheduler, guidance, blend, signal } = options;
  const total = scheduler.timesteps.length;
  let latents = options.latents;
  for (let index = 0; index < total; index++) {
    throwIfCancelled(signal);
    const step = { sample: scheduler.scaleModelInput(latents, index), height: options.height, width: options.width, timestep: scheduler.timesteps[index] ?? 0 };
    const noisePrediction = await unet.predict(options.extra ? { ...step, extra: options.extra } : step, guidance);
    const { prevSample, predOriginal } = scheduler.step(noisePrediction, index, latents, options.stepNoise);
    latents = prevSample;
    if (blend) {
      const known = index + 1 < total ? scheduler.addNoise(blend.initLatents, blend.noise, index + 1) : blend.initLatents;
      blendInto(latents, known, blend.mask);
    }
    options.onStep(index + 1, total, predOriginal);
  }
  throwIfCancelled(signal);
  return latents;
}
