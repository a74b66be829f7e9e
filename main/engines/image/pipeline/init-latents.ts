import { concatFloats } from "../../../../shared/concat";
import { AppError } from "../../../../shared/errors";
import { decodeInitImage, decodeMask } from "../image-codec";
import type { Scheduler } from "../schedulers";
import type { LatentBlend } from "./denoise";
import type { LoadedPipeline } from "./load-pipeline";
import { VAE_FACTOR } from "./vae";

export interface InitRequest {
  width: number;
  height: number;
  /** A data: URL, or an image already decoded as [3, H, W] in [-1, 1] (animation frames). */
  initImage?: string | Float32Array;
  mask?: string;
  strength: number;
}

/** Where the sampling loop starts, and what it must keep. */
export interface InitLatents {
  latents: Float32Array;
  mode: "txt2img" | "img2img" | "inpaint";
  /** Inpainting UNets: mask + masked-image latents. */
  extra?: Float32Array;
  blend?: LatentBlend;
}

/** Nearest-neighbour downsampling of a [H, W] mask to [H/8, W/8] (torch's interpolate default). */
function maskToLatent(mask: Float32Array, width: number, height: number): Float32Array {
  const w = width / VAE_FACTOR;
  const h = height / VAE_FACTOR;
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = mask[y * VAE_FACTOR * width + x * VAE_FACTOR] ?? 0;
  return out;
}

async function encodeScaled(pipeline: LoadedPipeline, image: Float32Array, request: InitRequest): Promise<Float32Array> {
  const encoder = pipeline.vaeEncoder;
  if (!encoder) throw new AppError("MODEL_INCOMPATIBLE", `“${pipeline.modelId}” has no VAE encoder (vae_encoder/model.onnx), which image-to-image and inpainting need.`);
  const latents = await encoder.encode(image, request.height, request.width);
  const scale = pipeline.folder.vaeScalingFactor;
  for (let i = 0; i < latents.length; i++) latents[i] = (latents[i] ?? 0) * scale;
  return latents;
}

function scaled(values: Float32Array, factor: number): Float32Array {
  return values.map((value) => value * factor);
}

async function initImageOf({ initImage, width, height }: InitRequest): Promise<Float32Array> {
  if (initImage === undefined) return new Float32Array(3 * width * height);
  if (typeof initImage === "string") return decodeInitImage(initImage, width, height);
  if (initImage.length !== 3 * width * height) throw new Error(`unreachable: an init image of ${initImage.length} values for ${width}×${height}`);
  return initImage;
}

/**
 * txt2img: noise · init sigma. img2img: the init image's latents noised to the first step's level.
 * Inpainting UNets (9 channels) also get the mask and the masked image's latents (a missing image
 * or mask means "repaint everything"); ordinary UNets with a mask blend the kept region back every step.
 */
export async function prepareLatents(pipeline: LoadedPipeline, scheduler: Scheduler, noise: Float32Array, request: InitRequest): Promise<InitLatents> {
  const { width, height } = request;
  const inpaintingUnet = pipeline.unet.inChannels === 9;
  const pureNoise = (): Float32Array => scaled(noise, scheduler.initNoiseSigma);
  if (!request.initImage && !inpaintingUnet) return { latents: pureNoise(), mode: "txt2img" };

  const image = await initImageOf(request);
  const fullMask = request.mask ? await decodeMask(request.mask, width, height) : new Float32Array(width * height).fill(1);
  const mode = request.mask ? "inpaint" : request.initImage ? "img2img" : "txt2img";
  const initLatents = await encodeScaled(pipeline, image, request);
  const noised = (): Float32Array => (scheduler.timesteps.length > 0 ? scheduler.addNoise(initLatents, noise, 0) : initLatents);
  const latentMask = maskToLatent(fullMask, width, height);

  if (inpaintingUnet) {
    // diffusers: masked_image = image · (mask < 0.5), i.e. the repainted area becomes 0 (mid grey).
    const plane = width * height;
    const masked = image.map((value, i) => ((fullMask[i % plane] ?? 1) < 0.5 ? value : 0));
    const maskedLatents = await encodeScaled(pipeline, masked, request);
    const latents = !request.initImage || request.strength >= 1 ? pureNoise() : noised();
    return { latents, mode, extra: concatFloats([latentMask, maskedLatents]) };
  }
  if (!request.mask) return { latents: noised(), mode };
  return { latents: noised(), mode, blend: { initLatents, mask: latentMask, noise } };
}
