import { AppError } from "../../../../shared/errors";
import { decodeInitImage } from "../../image/image-codec";
import type { Scheduler } from "../../image/schedulers";
import type { LoadedMotionPipeline } from "../motion/load-motion";
import { repeatFrame, type ClipShape } from "./clip-latents";

export interface StartRequest {
  width: number;
  height: number;
  initImage?: string;
}

export interface ClipStart {
  latents: Float32Array;
  mode: "text-to-video" | "image-to-video";
}

/** The init image's scaled latents [4, h, w]. */
async function encodeInitImage(pipeline: LoadedMotionPipeline, dataUrl: string, request: StartRequest): Promise<Float32Array> {
  const encoder = pipeline.vaeEncoder;
  if (!encoder) throw new AppError("MODEL_INCOMPATIBLE", `“${pipeline.modelId}” has no VAE encoder (vae_encoder/model.onnx), which image-to-video needs.`);
  const image = await decodeInitImage(dataUrl, request.width, request.height);
  const latents = await encoder.encode(image, request.height, request.width);
  const scale = pipeline.folder.vaeScalingFactor;
  for (let i = 0; i < latents.length; i++) latents[i] = (latents[i] ?? 0) * scale;
  return latents;
}

/**
 * Text-to-video: noise × the scheduler's initial sigma. Image-to-video (OnnxStack's Locomotion
 * ImageDiffuser): the init image's latents on every frame, noised to the first step's level,
 * so `strength` decides how far the clip may move away from the image.
 */
export async function startLatents(pipeline: LoadedMotionPipeline, scheduler: Scheduler, noise: Float32Array, shape: ClipShape, request: StartRequest): Promise<ClipStart> {
  if (!request.initImage) {
    const sigma = scheduler.initNoiseSigma;
    return { latents: noise.map((value) => value * sigma), mode: "text-to-video" };
  }
  const clip = repeatFrame(await encodeInitImage(pipeline, request.initImage, request), shape);
  return { latents: scheduler.addNoise(clip, noise, 0), mode: "image-to-video" };
}
