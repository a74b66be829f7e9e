import { AppError } from "../../../../shared/errors";
import type { Scheduler } from "../../image/schedulers";
import type { MotionUnet, PreparedWindow } from "../motion/motion-unet";
import { gatherWindow, type ClipShape } from "./clip-latents";
import { WindowBlend, type ContextWindow } from "./context-windows";

export interface ClipDenoiseOptions {
  unet: MotionUnet;
  scheduler: Scheduler;
  /** The starting latents [4, frames, h, w], already noised. */
  latents: Float32Array;
  shape: ClipShape;
  height: number;
  width: number;
  windows: readonly ContextWindow[];
  conditioning: (window: ContextWindow) => PreparedWindow;
  /** Fresh noise for the whole clip (LCM draws it between steps). */
  stepNoise: () => Float32Array;
  signal: AbortSignal;
  /** After each step, with the scheduler's current estimate of the clean clip. */
  onStep(step: number, total: number, predictedOriginal: Float32Array): void;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
}

/**
 * The sampling loop over a whole clip: at each timestep every window gets one (guided) UNet
 * prediction, the windows are blended into one prediction for the clip, and the scheduler
 * steps all frames together. Cancellable before every UNet call.
 */
export async function denoiseClip(options: ClipDenoiseOptions): Promise<Float32Array> {
  const { unet, scheduler, shape, windows, signal } = options;
  const total = scheduler.timesteps.length;
  let latents = options.latents;
  for (let index = 0; index < total; index++) {
    throwIfCancelled(signal);
    const input = scheduler.scaleModelInput(latents, index);
    const timestep = scheduler.timesteps[index] ?? 0;
    const predict = (window: ContextWindow): Promise<Float32Array> =>
      unet.predict(gatherWindow(input, shape, window), options.conditioning(window), options.height, options.width, timestep);
    let prediction: Float32Array;
    const [only] = windows;
    if (windows.length === 1 && only) {
      prediction = await predict(only);
    } else {
      const blend = new WindowBlend(shape.frames, shape.frameSize, shape.channels);
      for (const window of windows) {
        throwIfCancelled(signal);
        blend.add(window, await predict(window));
      }
      prediction = blend.result();
    }
    const { prevSample, predOriginal } = scheduler.step(prediction, index, latents, options.stepNoise);
    latents = prevSample;
    options.onStep(index + 1, total, predOriginal);
  }
  throwIfCancelled(signal);
  return latents;
}
