import { AppError } from "../../../../shared/errors";
import { toRgbBytes, type RgbImage } from "../image-codec";
import type { ImageGenerateInput, ImageProgress } from "../methods";
import { previewDataUrl, PreviewThrottle } from "../preview";
import { createRandom, type SeededRandom } from "../random";
import { createScheduler, type Scheduler } from "../schedulers";
import type { HandlerContext } from "../../worker-runtime";
import { encodeConditioning, guidanceEmbedding, type Conditioning } from "./conditioning";
import { denoise } from "./denoise";
import { prepareLatents, type InitLatents } from "./init-latents";
import type { LoadedPipeline } from "./load-pipeline";
import { LATENT_CHANNELS, VAE_FACTOR } from "./vae";

export type GenerateRequest = Omit<ImageGenerateInput, "load">;

/** The settings of one sampling run, whatever its prompts, noise and init image are. */
export type RenderSettings = Pick<GenerateRequest, "width" | "height" | "steps" | "cfgScale" | "sampler" | "strength" | "mask">;

/** What one image is made from once its prompts are encoded and its noise drawn. */
export interface RenderSources {
  conditioning: Conditioning;
  /** Starting noise [4, h, w] at unit variance. */
  noise: Float32Array;
  /** Fresh noise for ancestral samplers, drawn after `noise`. */
  random: SeededRandom;
  /** img2img source: a data: URL, or already decoded as [3, H, W] in [-1, 1]. */
  initImage?: string | Float32Array;
}

export interface Generated {
  image: RgbImage;
  mode: InitLatents["mode"];
}

export function checkSize(pipeline: LoadedPipeline, request: Pick<GenerateRequest, "width" | "height">): void {
  if (request.width % VAE_FACTOR !== 0 || request.height % VAE_FACTOR !== 0) {
    throw new AppError("INVALID_INPUT", `Width and height must be multiples of 8 (got ${request.width}×${request.height}).`);
  }
  const fixed = pipeline.unet.fixedLatentSize;
  if (fixed && (fixed[0] !== request.height / VAE_FACTOR || fixed[1] !== request.width / VAE_FACTOR)) {
    throw new AppError("MODEL_INCOMPATIBLE", `“${pipeline.modelId}” only makes ${fixed[1] * VAE_FACTOR}×${fixed[0] * VAE_FACTOR} images.`);
  }
}

/** Values in the latents of one image of this size. */
export function latentCount(request: Pick<GenerateRequest, "width" | "height">): number {
  return LATENT_CHANNELS * (request.height / VAE_FACTOR) * (request.width / VAE_FACTOR);
}

/** Classifier-free guidance runs above CFG 1, except on LCM-distilled UNets, which take the scale as an embedding. */
export function isGuided(pipeline: LoadedPipeline, cfgScale: number): boolean {
  return cfgScale > 1 && pipeline.unet.timeCondDim === undefined;
}

function schedulerFor(pipeline: LoadedPipeline, settings: RenderSettings, img2img: boolean): Scheduler {
  try {
    return createScheduler(settings.sampler, pipeline.schedulerConfig, settings.steps, img2img ? settings.strength : undefined);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError("INVALID_INPUT", `${error.message}.`);
    throw error;
  }
}

/**
 * One image: encode the prompts, prepare the starting latents, denoise step by step (progress
 * every step, a latent preview at most ~4 per second, cancellable between steps), decode with the VAE.
 */
export async function generateImage(pipeline: LoadedPipeline, request: GenerateRequest, context: HandlerContext<ImageProgress>): Promise<Generated> {
  checkSize(pipeline, request);
  const random = createRandom(request.seed);
  const noise = random.normal(latentCount(request));
  const conditioning = await encodeConditioning(pipeline, { ...request, guided: isGuided(pipeline, request.cfgScale) });
  return renderImage(pipeline, request, { conditioning, noise, random, ...(request.initImage ? { initImage: request.initImage } : {}) }, context);
}

/** The sampling run and decode of one image from its encoded prompts and noise; `throttle` may be shared by several images. */
export async function renderImage(
  pipeline: LoadedPipeline,
  settings: RenderSettings,
  sources: RenderSources,
  { signal, emit }: HandlerContext<ImageProgress>,
  throttle = new PreviewThrottle(),
): Promise<Generated> {
  const height = settings.height / VAE_FACTOR;
  const width = settings.width / VAE_FACTOR;
  const { unet } = pipeline;
  const scheduler = schedulerFor(pipeline, settings, sources.initImage !== undefined);
  const { random } = sources;
  const init = await prepareLatents(pipeline, scheduler, sources.noise, { ...settings, ...(sources.initImage !== undefined ? { initImage: sources.initImage } : {}) });
  const sdxl = pipeline.second !== undefined;
  const latents = await denoise({
    unet,
    scheduler,
    latents: init.latents,
    height,
    width,
    guidance: unet.prepare({
      ...sources.conditioning,
      guidanceScale: settings.cfgScale,
      ...(unet.timeCondDim !== undefined ? { timestepCond: guidanceEmbedding(settings.cfgScale, unet.timeCondDim) } : {}),
    }),
    ...(init.extra ? { extra: init.extra } : {}),
    ...(init.blend ? { blend: init.blend } : {}),
    stepNoise: () => random.normal(latentCount(settings)),
    signal,
    onStep: (step, total, predicted) => {
      const preview = step < total && throttle.due() ? previewDataUrl(predicted, width, height, sdxl) : undefined;
      emit(preview ? { step, total, preview } : { step, total });
    },
  });

  const scale = pipeline.folder.vaeScalingFactor;
  const decoded = await pipeline.vaeDecoder.decode(latents.map((value) => value / scale), height, width);
  return { image: toRgbBytes(decoded, settings.width, settings.height), mode: init.mode };
}
