import type { SeededRandom } from "../../image/random";
import type { ContextWindow } from "./context-windows";

/**
 * A clip's latents in the motion UNet's own layout without the batch axis: [4, frames, h, w],
 * one Float32Array, so a window of consecutive frames is 4 contiguous runs and the schedulers
 * step the whole clip at once.
 */
export interface ClipShape {
  channels: number;
  frames: number;
  /** h·w of one latent frame. */
  frameSize: number;
}

export function clipLength(shape: ClipShape): number {
  return shape.channels * shape.frames * shape.frameSize;
}

/**
 * Standard normal noise drawn frame by frame ([4, h, w] each), so a frame's noise depends only on
 * the seed and its index: a longer clip with the same seed starts with the same frames' noise.
 */
export function frameNoise(random: SeededRandom, shape: ClipShape): Float32Array {
  const { channels, frames, frameSize } = shape;
  const clip = new Float32Array(clipLength(shape));
  for (let f = 0; f < frames; f++) {
    const frame = random.normal(channels * frameSize);
    for (let c = 0; c < channels; c++) clip.set(frame.subarray(c * frameSize, (c + 1) * frameSize), (c * frames + f) * frameSize);
  }
  return clip;
}

/** The window's frames, [4, window frames, h, w]. */
export function gatherWindow(clip: Float32Array, shape: ClipShape, window: ContextWindow): Float32Array {
  const { channels, frames, frameSize } = shape;
  if (window.start === 0 && window.length === frames) return clip;
  const out = new Float32Array(channels * window.length * frameSize);
  for (let c = 0; c < channels; c++) {
    const from = (c * frames + window.start) * frameSize;
    out.set(clip.subarray(from, from + window.length * frameSize), c * window.length * frameSize);
  }
  return out;
}

/** One frame, [4, h, w]. */
export function frameOf(clip: Float32Array, shape: ClipShape, index: number): Float32Array {
  const { channels, frames, frameSize } = shape;
  const out = new Float32Array(channels * frameSize);
  for (let c = 0; c < channels; c++) {
    const from = (c * frames + index) * frameSize;
    out.set(clip.subarray(from, from + frameSize), c * frameSize);
  }
  return out;
}

/** The same frame [4, h, w] at every index of the clip (image-to-video's start). */
export function repeatFrame(frame: Float32Array, shape: ClipShape): Float32Array {
  const { channels, frames, frameSize } = shape;
  const clip = new Float32Array(clipLength(shape));
  for (let c = 0; c < channels; c++) {
    const plane = frame.subarray(c * frameSize, (c + 1) * frameSize);
    for (let f = 0; f < frames; f++) clip.set(plane, (c * frames + f) * frameSize);
  }
  return clip;
}
