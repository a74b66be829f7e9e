/**
 * Sliding context windows for clips longer than the motion model's window, blended with
 * diffusers' FreeNoise "pyramid" weights (free_noise_utils / FreeNoiseTransformerBlock):
 * windows start every `context − overlap` frames, the last one is aligned to the clip's end, and
 * each frame's noise prediction is the weighted mean of every window that holds it. Frames at a
 * window's edge weigh least, so a neighbouring window takes over gradually: no seams, no frame
 * repeated or dropped. (FreeNoise blends inside the transformer blocks; with an exported UNet the
 * same blend is applied to its output.)
 */

/** Frames [start, start + length) of the clip. */
export interface ContextWindow {
  start: number;
  length: number;
}

/** The windows covering `frames` frames, each `context` long (one shorter window when the clip is). */
export function planContextWindows(frames: number, context: number, overlap: number): ContextWindow[] {
  if (!Number.isInteger(frames) || frames < 1) throw new RangeError(`frames must be a positive integer, got ${frames}`);
  if (!Number.isInteger(context) || context < 1) throw new RangeError(`the window must be a positive integer, got ${context}`);
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= context) throw new RangeError(`the overlap must be an integer in 0…${context - 1}, got ${overlap}`);
  if (frames <= context) return [{ start: 0, length: frames }];
  const stride = context - overlap;
  const windows: ContextWindow[] = [];
  for (let start = 0; start + context < frames; start += stride) windows.push({ start, length: context });
  windows.push({ start: frames - context, length: context });
  return windows;
}

/** diffusers' pyramid weights: 4 → [1, 2, 2, 1], 5 → [1, 2, 3, 2, 1]. */
export function pyramidWeights(length: number): number[] {
  const half = Math.floor(length / 2);
  const rising = Array.from({ length: half }, (_, i) => i + 1);
  return length % 2 === 0 ? [...rising, ...rising.toReversed()] : [...rising, half + 1, ...rising.toReversed()];
}

/**
 * Accumulates windows' predictions laid out [channels, window frames, pixels] into the clip's
 * [channels, frames, pixels]: Σ w·prediction / Σ w per frame.
 */
export class WindowBlend {
  private readonly sum: Float32Array;
  private readonly weight: Float64Array;

  constructor(
    private readonly frames: number,
    private readonly frameSize: number,
    private readonly channels: number,
  ) {
    this.sum = new Float32Array(channels * frames * frameSize);
    this.weight = new Float64Array(frames);
  }

  add(window: ContextWindow, prediction: Float32Array, weights: readonly number[] = pyramidWeights(window.length)): void {
    const { frames, frameSize, channels } = this;
    if (prediction.length !== channels * window.length * frameSize) throw new RangeError(`a window of ${window.length} frames needs ${channels * window.length * frameSize} values, got ${prediction.length}`);
    for (let f = 0; f < window.length; f++) {
      const w = weights[f] ?? 1;
      this.weight[window.start + f] = (this.weight[window.start + f] ?? 0) + w;
      for (let c = 0; c < channels; c++) {
        const from = (c * window.length + f) * frameSize;
        const to = (c * frames + window.start + f) * frameSize;
        for (let i = 0; i < frameSize; i++) this.sum[to + i] = (this.sum[to + i] ?? 0) + w * (prediction[from + i] ?? 0);
      }
    }
  }

  /** The blended prediction; every frame must have been covered. */
  result(): Float32Array {
    const { frames, frameSize, channels } = this;
    for (let f = 0; f < frames; f++) {
      const total = this.weight[f] ?? 0;
      if (total <= 0) throw new Error(`frame ${f} is in no window`);
      for (let c = 0; c < channels; c++) {
        const at = (c * frames + f) * frameSize;
        for (let i = 0; i < frameSize; i++) this.sum[at + i] = (this.sum[at + i] ?? 0) / total;
      }
    }
    return this.sum;
  }
}
