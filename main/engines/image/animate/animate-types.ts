import type { Sampler } from "../../../../shared/image";
import type { EngineMethod } from "../../protocol";
import type { ImageModelLoad, ImageRunStats } from "../methods";

export type AnimationMode = "prompt-travel" | "feedback";
/** How the camera transform fills what comes into view from outside the frame. */
export type BorderFill = "reflect" | "replicate";

/**
 * A keyframe: the prompt from this frame on (embeddings interpolated linearly towards the next
 * keyframe's), and optional values, each interpolated linearly between the keyframes that set it
 * and held before the first and after the last.
 */
export interface AnimationKeyframe {
  /** Frame index, from 0; unique. May lie past the last frame (the animation travels towards it). */
  frame: number;
  prompt: string;
  /** The animation's negativePrompt when absent. */
  negativePrompt?: string;
  /** The noise of this keyframe; seed + frame · seedIncrement when absent. */
  seed?: number;
  /** Feedback camera, per frame: zoom > 1 zooms in (default 1). */
  zoom?: number;
  /** Pixels per frame the picture moves right (default 0). */
  panX?: number;
  /** Pixels per frame the picture moves down (default 0). */
  panY?: number;
  /** Degrees per frame, counter-clockwise on screen (default 0). */
  rotate?: number;
  /** img2img strength: 0 keeps the source frame, 1 ignores it (the animation's strength when no keyframe sets it). Feedback frames, and every frame when an init image is given. */
  strength?: number;
}

/** Everything that decides the frames (the host keeps it as the clip's parameters). */
export interface AnimationSettings {
  mode: AnimationMode;
  /** At least one. */
  keyframes: AnimationKeyframe[];
  /** Exactly this many frames come back. */
  frames: number;
  /** Carried into the output; the model does not see it. Default 8. */
  fps?: number;
  negativePrompt?: string;
  /** img2img strength when no keyframe sets one; default 0.5. */
  strength?: number;
  /** Multiples of 8. */
  width: number;
  height: number;
  steps: number;
  cfgScale: number;
  sampler: Sampler;
  seed: number;
  /** Frame n's own seed is seed + n · seedIncrement (mod 2³²); default 0. */
  seedIncrement?: number;
  /** Feedback camera border fill; default "reflect". */
  border?: BorderFill;
}

export interface AnimateInput extends AnimationSettings {
  load: ImageModelLoad;
  /** Feedback: frame 0 is img2img of this image. Prompt travel: every frame is img2img of it. A data: URL. */
  initImage?: string;
  /** An absolute folder the host chose; frames are written there as frame-00000.png, frame-00001.png, … */
  outputDir: string;
}

/** The settings with every default resolved and the keyframes sorted. */
export type ResolvedAnimationSettings = Required<AnimationSettings>;

export interface AnimateOutput {
  /** File names inside outputDir, in order, one per requested frame. */
  files: string[];
  width: number;
  height: number;
  fps: number;
  mode: AnimationMode;
  /** The settings as run, defaults resolved: store them with the clip. */
  parameters: ResolvedAnimationSettings & { modelId: string; initImage: boolean };
  stats: ImageRunStats;
}

/**
 * "denoise": one event per sampling step of frame `frame` (`preview`: a latent preview of it).
 * "frame": frame `frame` is done (`step` = frames done, `total` = frames; `preview`: the frame, small).
 * Previews come at most ~4 per second in all.
 */
export interface AnimateProgress {
  phase: "denoise" | "frame";
  frame: number;
  frames: number;
  step: number;
  total: number;
  preview?: string;
}

export type AnimateMethod = EngineMethod<AnimateInput, AnimateOutput, AnimateProgress>;
