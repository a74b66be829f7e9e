import type { AnimateInput, AnimationKeyframe, ResolvedAnimationSettings } from "./animate-types";
import type { CameraMove } from "./camera-transform";
import { keyframedValue, sortKeyframes } from "./keyframes";

export const DEFAULT_FPS = 8;
export const DEFAULT_STRENGTH = 0.5;

/** The request's settings with every default filled in and the keyframes in frame order. */
export function resolveSettings(input: Omit<AnimateInput, "load" | "initImage" | "outputDir">): ResolvedAnimationSettings {
  return {
    mode: input.mode,
    keyframes: sortKeyframes(input.keyframes),
    frames: input.frames,
    fps: input.fps ?? DEFAULT_FPS,
    negativePrompt: input.negativePrompt ?? "",
    strength: input.strength ?? DEFAULT_STRENGTH,
    width: input.width,
    height: input.height,
    steps: input.steps,
    cfgScale: input.cfgScale,
    sampler: input.sampler,
    seed: input.seed,
    seedIncrement: input.seedIncrement ?? 0,
    border: input.border ?? "reflect",
  };
}

/** The camera move that makes frame `frame` from the one before it. */
export function cameraAt(keyframes: readonly AnimationKeyframe[], frame: number): CameraMove {
  return {
    zoom: keyframedValue(keyframes, "zoom", frame, 1),
    panX: keyframedValue(keyframes, "panX", frame, 0),
    panY: keyframedValue(keyframes, "panY", frame, 0),
    rotate: keyframedValue(keyframes, "rotate", frame, 0),
  };
}

/** Frame `frame`'s img2img strength: keyframed, else the animation's. */
export function strengthAt(settings: Pick<ResolvedAnimationSettings, "keyframes" | "strength">, frame: number): number {
  return keyframedValue(settings.keyframes, "strength", frame, settings.strength);
}
