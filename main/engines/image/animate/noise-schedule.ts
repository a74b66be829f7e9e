import { createRandom, type SeededRandom } from "../random";
import type { AnimationKeyframe, AnimationMode } from "./animate-types";
import { frameSeed, keyframeSeed, keyframeSpan } from "./keyframes";
import { slerp } from "./slerp";

export interface FrameNoise {
  /** Starting noise at unit variance. */
  noise: Float32Array;
  /** Ancestral samplers' step noise: the frame's own seed's stream, after its first `count` values. */
  random: SeededRandom;
}

export interface NoiseScheduleOptions {
  mode: AnimationMode;
  seed: number;
  seedIncrement: number;
  /** Values per frame of noise (the latent size). */
  count: number;
}

/**
 * Each frame's noise. Feedback: the frame's own seed's noise. Prompt travel: on a keyframe its
 * seed's noise, between two keyframes their noises slerped, before the first and after the last
 * the nearest keyframe's. On a keyframe (and on every feedback frame) this is exactly the noise
 * and step-noise stream a plain generation with that seed draws.
 */
export class NoiseSchedule {
  private readonly frames: number[];
  private keyNoise = new Map<number, Float32Array>();

  constructor(
    private readonly keyframes: readonly AnimationKeyframe[],
    private readonly options: NoiseScheduleOptions,
  ) {
    this.frames = keyframes.map((keyframe) => keyframe.frame);
  }

  /** The seed a frame's own noise comes from: a keyframe's own seed on its frame, else seed + frame · increment. */
  seedOf(frame: number): number {
    const { seed, seedIncrement } = this.options;
    const keyframe = this.keyframes.find((candidate) => candidate.frame === frame);
    return keyframe ? keyframeSeed(keyframe, seed, seedIncrement) : frameSeed(seed, seedIncrement, frame);
  }

  at(frame: number): FrameNoise {
    const random = createRandom(this.seedOf(frame));
    const own = random.normal(this.options.count);
    if (this.options.mode === "feedback") return { noise: own, random };
    const span = keyframeSpan(this.frames, frame);
    for (const index of this.keyNoise.keys()) if (index !== span.from && index !== span.to) this.keyNoise.delete(index);
    const from = this.noiseOfKeyframe(span.from);
    return { noise: span.t === 0 ? from : slerp(from, this.noiseOfKeyframe(span.to), span.t), random };
  }

  private noiseOfKeyframe(index: number): Float32Array {
    let noise = this.keyNoise.get(index);
    if (!noise) {
      const keyframe = this.keyframes[index];
      if (!keyframe) throw new Error(`unreachable: keyframe ${index} of ${this.keyframes.length}`);
      noise = createRandom(keyframeSeed(keyframe, this.options.seed, this.options.seedIncrement)).normal(this.options.count);
      this.keyNoise.set(index, noise);
    }
    return noise;
  }
}
