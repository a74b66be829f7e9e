import type { Sampler } from "../../../shared/image";
import type { CacheMethods } from "../cache-methods";
import type { ModelCacheConfig } from "../model-cache";
import type { EngineMethod } from "../protocol";
import type { AnimateMethod } from "./animate/animate-types";
import type { OrtProvider, ProviderSetting } from "./providers";

/** Which model to use and how: the cache limits travel with each call, so settings apply on the next one. */
export interface ImageModelLoad {
  modelId: string;
  /** A pipeline folder (generate), or an upscaler's .onnx file or folder holding one (upscale). */
  modelPath: string;
  provider: ProviderSetting;
  cache: ModelCacheConfig;
}

export interface ImageGenerateInput {
  load: ImageModelLoad;
  prompt: string;
  negativePrompt: string;
  width: number;
  height: number;
  steps: number;
  cfgScale: number;
  sampler: Sampler;
  seed: number;
  /** img2img / inpainting source, a data: URL. */
  initImage?: string;
  strength: number;
  /** White = repaint; needs initImage. */
  mask?: string;
}

export interface ImageRunStats {
  /** The execution provider the sessions ran on. */
  provider: OrtProvider;
  durationMs: number;
  /** Time inside onnxruntime's session.run, summed over every call of this run. */
  sessionMs: number;
  sessionRuns: number;
  /** The engine process's peak resident memory so far. */
  peakRssBytes: number;
}

export interface ImageGenerateOutput {
  /** The PNG, base64 (frames are JSON). */
  pngBase64: string;
  width: number;
  height: number;
  mode: "txt2img" | "img2img" | "inpaint";
  stats: ImageRunStats;
}

export interface UpscaleInput {
  load: ImageModelLoad;
  /** The image file to upscale (the host passes a library file). */
  imagePath: string;
  tileSize: number;
  overlap: number;
}

export interface UpscaleOutput {
  pngBase64: string;
  width: number;
  height: number;
  scale: number;
  tiles: number;
  stats: ImageRunStats;
}

/** Steps of a generation or tiles of an upscale; `preview` (a small data: URL) at most ~4 per second. */
export interface ImageProgress {
  step: number;
  total: number;
  preview?: string;
}

export type ImageMethods = {
  generate: EngineMethod<ImageGenerateInput, ImageGenerateOutput, ImageProgress>;
  upscale: EngineMethod<UpscaleInput, UpscaleOutput, ImageProgress>;
  /** Keyframe animation (prompt travel or img2img feedback with camera moves); frames written into the host's outputDir. */
  animate: AnimateMethod;
  providers: EngineMethod<Record<string, never>, { available: OrtProvider[] }>;
} & CacheMethods;
