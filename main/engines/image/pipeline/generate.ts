import { AppError } from "../../../../shared/errors";
import { toRgbBytes, type RgbImage } from "../image-codec";
import type { ImageGenerateInput, ImageProgress } from "../methods";
import { previewDataUrl, PreviewThrottle } from "../preview";
import { createRandom } from "../random";
import { createScheduler, type Scheduler } from "../schedulers";
import type { HandlerContext } from "../../worker-runtime";
import { encodeConditioning, guidanceEmbedding } from "./conditioning";
import { denoise } from "./denoise";
import { prepareLatents, type InitLatents } from "./init-latents";
import type { LoadedPipeline } from "./load-pipeline";
import { LATENT_CHANNELS, VAE_FACTOR } from "./vae";

export type GenerateRequest = Omit<ImageGenerateInput, "load">;

export interface Generated {
  image: RgbImage;
  mode: InitLatents["mode"];
}

function checkSize(pipeline: LoadedPipeline, request: GenerateRequest): void {
  if (request.width % VAE_FACTOR !== 0 || request.height % VAE_FACTOR !== 0) {
    throw new AppError("INVALID_INPUT", `Width and height must be multiples of 8 (got ${request.width}×${request.height}).`);
  }
  const fixed = pipeline.unet.fixedLatentSize;
  if (fixed && (fixed[0] !== request.height / VAE_FACTOR || fixed[1] !== request.width / VAE_FACTOR)) {
    throw new AppError("MODEL_INCOMPATIBLE", `“${pipeline.modelId}” only makes ${fixed[1] * VAE_FACTOR}×${fixed[0] * VAE_FACTOR} images.`);
  }
}

function schedulerFor(pipeline: LoadedPipeline, request: GenerateRequest): Scheduler {
  try {
    return createScheduler(request.sampler, pipeline.schedulerConfig, request.steps, request.initImage ? request.strength : undefined);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError("INVALID_INPUT", `${error.message}.`);
    throw error;
  }
}

/**
 * One image: encode the prompts, prepare the starting latents, denoise step by step (progress
 * every step, a latent preview at most ~4 per second, cancellable between steps), decode with the VAE.
 */
export async function generateImage(
  pipeline: LoadedPipeline,
  request: GenerateRequest,
  { signal, emit }: HandlerContext<ImageProgress>,
): Promise<Generated> {
  checkSize(pipeline, request);
  const height = request.height / VAE_FACTOR;
  const width = request.width / VAE_FACTOR;
  const count = LATENT_CHANNELS * height * width;
  const { unet } = pipeline;
  // LCM-distilled UNets take the guidance scale as an embedding instead of running CFG.
  const guided = request.cfgScale > 1 && unet.timeCondDim === undefined;
  const scheduler = schedulerFor(pipeline, request);
  const random = createRandom(request.seed);
  const noise = random.normal(count);

  const conditioning = await encodeConditioning(pipeline, { ...request, guided });
  const init = await prepareLatents(pipeline, scheduler, noise, request);
  const throttle = new PreviewThrottle();
  const sdxl = pipeline.second !== undefined;
  const latents = await denoise({
    unet,
    scheduler,
    latents: init.latents,
    height,
    width,
    guidance: unet.prepare({
      ...conditioning,
      guidanceScale: request.cfgScale,
      ...(unet.timeCondDim !== undefined ? { timestepCond: guidanceEmbedding(request.cfgScale, unet.timeCondDim) } : {}),
    }),
    ...(init.extra ? { extra: init.extra } : {}),
    ...(init.blend ? { blend: init.blend } : {}),
    stepNoise: () => random.normal(count),
    signal,
    onStep: (step, total, predicted) => {
      const preview = step < total && throttle.due() ? previewDataUrl(predicted, width, height, sdxl) : undefined;
      emit(preview ? { step, total, preview } : { step, total });
    },
  });

  const scale = pipeline.folder.vaeScalingFactor;
  const decoded = await pipeline.vaeDecoder.decode(latents.map((value) => value / scale), height, width);
  return { image: toRgbBytes(decoded, request.width, request.height), mode: init.mode };
}
