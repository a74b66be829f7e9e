import type { Sampler } from "../../../shared/image";
import type { CacheMethods } from "../cache-methods";
import type { ImageModelLoad, ImageRunStats } from "../image/methods";
import type { EngineMethod } from "../protocol";
import type { InterpolateMethod } from "./interpolate/interpolate-method";

/** Which model to use and how (a pipeline folder, the execution provider, the cache limits), as for image models. */
export type VideoModelLoad = ImageModelLoad;
/** Provider, wall time, time inside session.run and its call count, peak RSS. */
export type VideoRunStats = ImageRunStats;

/** The samplers the AnimateDiff family is made for: LCM (AnimateLCM, Lightning via Locomotion), Euler, DDIM. */
export const MOTION_SAMPLERS = ["lcm", "euler", "ddim"] as const satisfies readonly Sampler[];
export type MotionSampler = (typeof MOTION_SAMPLERS)[number];

/** Everything that decides the frames (the host keeps it as the clip's parameters). */
export interface MotionSettings {
  prompt: string;
  negativePrompt: string;
  /** Exactly this many frames come back, whatever the model's window size. */
  frames: number;
  /** Carried into the output (playback and export); the model does not see it. */
  fps: number;
  /** Multiples of 8. */
  width: number;
  height: number;
  steps: number;
  /** Classifier-free guidance above 1; at 1 or below only the prompt is run. */
  cfgScale: number;
  sampler: MotionSampler;
  seed: number;
  /** Image-to-video: 0 keeps the init image, 1 ignores it. */
  strength: number;
  /** Frames shared by neighbouring windows when the clip is longer than one; the model's window / 4 unless given. */
  contextOverlap?: number;
}

export interface MotionGenerateInput extends MotionSettings {
  load: VideoModelLoad;
  /** Image-to-video: the start image, a data: URL (cropped and scaled to width × height). */
  initImage?: string;
  /** An absolute folder the host chose; frames are written there as frame-00000.png, frame-00001.png, … */
  outputDir: string;
}

export interface MotionGenerateOutput {
  /** File names inside outputDir, in order, one per requested frame. */
  files: string[];
  width: number;
  height: number;
  fps: number;
  mode: "text-to-video" | "image-to-video";
  /** The settings as run, with the overlap resolved: store them with the clip. */
  parameters: MotionSettings & { contextOverlap: number; modelId: string };
  /** The model's window (frames per UNet call) and how many windows each step ran. */
  contextSize: number;
  windows: number;
  stats: VideoRunStats;
}

/**
 * "denoise": one event per sampling step, `preview` (a small PNG data: URL of the first frame
 * at latent resolution) at most ~4 per second. "decode": one event per frame written.
 */
export interface MotionProgress {
  phase: "denoise" | "decode";
  step: number;
  total: number;
  preview?: string;
}

/** What a motion model can do, read from its sessions and amuse_template.json. */
export interface MotionModelInfo {
  /** Frames per UNet call, and where that number came from. */
  contextSize: number;
  contextSource: "model" | "template" | "default";
  /** The UNet's float inputs. */
  precision: "float32" | "float16";
  /** Whether CFG's two passes go in one UNet call (a dynamic batch axis). */
  batchesGuidance: boolean;
  /** A VAE encoder is present. */
  imageToVideo: boolean;
  /** [width, height] in pixels when the UNet only takes one size. */
  fixedSize?: [number, number];
  /** amuse_template.json's suggestions. */
  defaults: { sampler?: MotionSampler; steps?: number; cfgScale?: number };
  name?: string;
}

export type VideoMethods = {
  /** Text-to-video, or image-to-video with `initImage`, on an AnimateDiff-class motion pipeline. */
  generate: EngineMethod<MotionGenerateInput, MotionGenerateOutput, MotionProgress>;
  /** Loads the model (kept in the cache for the next generate) and says what it can do. */
  inspect: EngineMethod<{ load: VideoModelLoad }, MotionModelInfo>;
  /** RIFE ×2 / ×4 on a clip's frame files, written to another folder; progress once per pair. */
  interpolate: InterpolateMethod;
} & CacheMethods;
