import { AppError } from "../../../../shared/errors";
import { FrameWriter } from "../../../video/clip-io/frame-writer";
import type { HandlerContext } from "../../worker-runtime";
import { decodeInitImage, toModelImage, type RgbImage } from "../image-codec";
import { checkSize, isGuided, latentCount, renderImage } from "../pipeline/generate";
import type { LoadedPipeline } from "../pipeline/load-pipeline";
import { PreviewThrottle } from "../preview";
import type { AnimateInput, AnimateProgress, ResolvedAnimationSettings } from "./animate-types";
import { cameraAt, resolveSettings, strengthAt } from "./animation-settings";
import { moveCamera } from "./camera-transform";
import { framePreviewDataUrl } from "./frame-preview";
import { NoiseSchedule } from "./noise-schedule";
import { PromptSchedule } from "./prompt-schedule";

export type AnimateRequest = Omit<AnimateInput, "load">;

export interface Animation {
  files: string[];
  settings: ResolvedAnimationSettings;
}

function checkEncoder(pipeline: LoadedPipeline, settings: ResolvedAnimationSettings, initImage: string | undefined): void {
  if (pipeline.vaeEncoder || (settings.mode === "prompt-travel" && !initImage)) return;
  const why = settings.mode === "feedback" ? "feedback animation (each frame is image-to-image of the last)" : "an init image";
  throw new AppError("MODEL_INCOMPATIBLE", `“${pipeline.modelId}” has no VAE encoder (vae_encoder/model.onnx), which ${why} needs.`);
}

/**
 * Keyframe animation with a plain Stable Diffusion pipeline, frame by frame, each frame written
 * into outputDir as soon as it is decoded.
 * - Prompt travel: text conditioning mixed linearly and start noise slerped between keyframes; every
 *   frame is an independent generation (img2img of the init image when there is one).
 * - Feedback: frame 0 is a generation (img2img of the init image when there is one); frame n + 1 is
 *   img2img of frame n seen through frame n + 1's camera move, at that frame's strength.
 * Cancellable between steps and frames; the same request gives the same frames.
 */
export async function animate(pipeline: LoadedPipeline, request: AnimateRequest, { signal, emit }: HandlerContext<AnimateProgress>): Promise<Animation> {
  const settings = resolveSettings(request);
  const { keyframes, frames, width, height } = settings;
  checkSize(pipeline, settings);
  checkEncoder(pipeline, settings, request.initImage);
  const initImage = request.initImage ? await decodeInitImage(request.initImage, width, height) : undefined;
  const prompts = new PromptSchedule(pipeline, keyframes, { negativePrompt: settings.negativePrompt, guided: isGuided(pipeline, settings.cfgScale), width, height });
  const noises = new NoiseSchedule(keyframes, { mode: settings.mode, seed: settings.seed, seedIncrement: settings.seedIncrement, count: latentCount(settings) });
  const sourceOf = (frame: number, previous: RgbImage | undefined): Float32Array | undefined =>
    settings.mode === "feedback" && previous ? toModelImage(moveCamera(previous, cameraAt(keyframes, frame), settings.border)) : initImage;

  const throttle = new PreviewThrottle();
  const writer = new FrameWriter(request.outputDir);
  let previous: RgbImage | undefined;
  try {
    for (let frame = 0; frame < frames; frame++) {
      if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
      const source = sourceOf(frame, previous);
      const frameContext = { signal, emit: (step: Omit<AnimateProgress, "phase" | "frame" | "frames">) => emit({ phase: "denoise", frame, frames, ...step }) };
      const { image } = await renderImage(
        pipeline,
        { ...settings, strength: strengthAt(settings, frame) },
        { conditioning: await prompts.at(frame), ...noises.at(frame), ...(source ? { initImage: source } : {}) },
        frameContext,
        throttle,
      );
      await writer.write(image);
      const preview = throttle.due() ? await framePreviewDataUrl(image) : undefined;
      emit({ phase: "frame", frame, frames, step: frame + 1, total: frames, ...(preview ? { preview } : {}) });
      previous = image;
    }
    return { files: await writer.finish(), settings };
  } catch (error) {
    await writer.settle();
    throw error;
  }
}
