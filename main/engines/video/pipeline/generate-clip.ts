import { AppError } from "../../../../shared/errors";
import { LATENT_CHANNELS, VAE_FACTOR } from "../../image/pipeline/vae";
import { previewDataUrl, PreviewThrottle } from "../../image/preview";
import { createRandom } from "../../image/random";
import type { HandlerContext } from "../../worker-runtime";
import type { MotionGenerateInput, MotionProgress } from "../methods";
import type { LoadedMotionPipeline } from "../motion/load-motion";
import { motionScheduler, motionSchedulerConfig } from "../motion/motion-scheduler";
import { encodeFrameTexts, windowConditioning } from "./clip-conditioning";
import { denoiseClip } from "./clip-denoise";
import { clipLength, frameNoise, frameOf, type ClipShape } from "./clip-latents";
import { startLatents } from "./clip-start";
import { planContextWindows } from "./context-windows";
import { decodeFrames } from "./decode-frames";

export type ClipRequest = Omit<MotionGenerateInput, "load">;

export interface GeneratedClip {
  files: string[];
  mode: "text-to-video" | "image-to-video";
  contextSize: number;
  contextOverlap: number;
  windows: number;
}

function checkSize(pipeline: LoadedMotionPipeline, request: ClipRequest): void {
  if (request.width % VAE_FACTOR !== 0 || request.height % VAE_FACTOR !== 0) {
    throw new AppError("INVALID_INPUT", `Width and height must be multiples of 8 (got ${request.width}×${request.height}).`);
  }
  const fixed = pipeline.unet.fixedLatentSize;
  if (fixed && (fixed[0] !== request.height / VAE_FACTOR || fixed[1] !== request.width / VAE_FACTOR)) {
    throw new AppError("MODEL_INCOMPATIBLE", `“${pipeline.modelId}” only makes ${fixed[1] * VAE_FACTOR}×${fixed[0] * VAE_FACTOR} clips.`);
  }
}

/** The overlap asked for, or a quarter of the window (AnimateDiff-Evolved's default of 4 for 16 frames). */
function overlapFor(request: ClipRequest, context: number): number {
  const overlap = request.contextOverlap ?? Math.floor(context / 4);
  if (overlap >= context) throw new AppError("INVALID_INPUT", `The window overlap must be smaller than the model's window of ${context} frames (got ${overlap}).`);
  return overlap;
}

/**
 * One clip: encode the prompts per frame, start from noise (or the init image's noised latents),
 * denoise every window at every step (progress per step, a latent preview of the first frame at
 * most ~4 per second, cancellable before every UNet call), then decode and write the frames.
 */
export async function generateClip(pipeline: LoadedMotionPipeline, request: ClipRequest, { signal, emit }: HandlerContext<MotionProgress>): Promise<GeneratedClip> {
  checkSize(pipeline, request);
  const { unet, folder } = pipeline;
  const height = request.height / VAE_FACTOR;
  const width = request.width / VAE_FACTOR;
  const context = unet.contextSize;
  const contextOverlap = overlapFor(request, context);
  // A UNet with a fixed frame axis always takes a whole window: a shorter clip is made that long and cut.
  const shape: ClipShape = { channels: LATENT_CHANNELS, frames: unet.fixedFrames ? Math.max(request.frames, context) : request.frames, frameSize: height * width };
  const windows = planContextWindows(shape.frames, context, contextOverlap);

  const config = motionSchedulerConfig(request.sampler, folder.schedulerConfigJson, folder.template?.schedule ?? {});
  const scheduler = motionScheduler(request.sampler, config, request.steps, request.initImage ? request.strength : undefined);
  const random = createRandom(request.seed);
  const noise = frameNoise(random, shape);
  const guided = request.cfgScale > 1;
  const texts = await encodeFrameTexts(pipeline, { ...request, guided }, shape.frames);
  const start = await startLatents(pipeline, scheduler, noise, shape, request);

  const throttle = new PreviewThrottle();
  const latents = await denoiseClip({
    unet,
    scheduler,
    latents: start.latents,
    shape,
    height,
    width,
    windows,
    conditioning: windowConditioning(pipeline, texts, request.cfgScale),
    stepNoise: () => random.normal(clipLength(shape)),
    signal,
    onStep: (step, total, predicted) => {
      const preview = step < total && throttle.due() ? previewDataUrl(frameOf(predicted, shape, 0), width, height, false) : undefined;
      emit(preview ? { phase: "denoise", step, total, preview } : { phase: "denoise", step, total });
    },
  });

  const files = await decodeFrames({
    vaeDecoder: pipeline.vaeDecoder,
    latents,
    shape,
    count: request.frames,
    vaeScalingFactor: folder.vaeScalingFactor,
    height,
    width,
    outputDir: request.outputDir,
    signal,
    onFrame: (done, total) => emit({ phase: "decode", step: done, total }),
  });
  return { files, mode: start.mode, contextSize: context, contextOverlap, windows: windows.length };
}
