import { randomInt } from "node:crypto";
import { AppError } from "../../shared/errors";
import type { ModelInfo } from "../../shared/models";
import type { Settings } from "../../shared/settings";
import type { ClipJobResult, Keyframe, KeyframeAnimateRequest, VideoParameters } from "../../shared/video";
import type { AnimateOutput, AnimateProgress, AnimationKeyframe } from "../engines/image/animate/animate-types";
import type { ImageMethods, ImageModelLoad } from "../engines/image/methods";
import type { EngineClient } from "../engines/protocol";
import type { JobContext, JobQueue } from "../jobs/job-queue";
import { cacheConfigFrom } from "../models/cache-config";
import type { MemoryBroker } from "../models/memory-broker";
import type { ClipLibrary } from "./clip-library";
import { requireVideoModel, type VideoModelSource } from "./video-models";
import { PreviewGate, titleText } from "./video-progress";

export interface KeyframeServiceOptions {
  /** The image engine: keyframe animation runs on plain Stable Diffusion pipelines. */
  engine: Pick<EngineClient<ImageMethods>, "call">;
  memory: Pick<MemoryBroker, "makeRoom">;
  jobs: JobQueue;
  library: ClipLibrary;
  models: VideoModelSource;
  settings: () => Settings;
}

const SEED_RANGE = 2 ** 32;

/** Keyframe animation (prompt travel; image-to-image feedback with camera moves) with any Stable Diffusion model, as jobs on the image engine. */
export class KeyframeService {
  constructor(private readonly options: KeyframeServiceOptions) {}

  async animate(request: KeyframeAnimateRequest): Promise<{ jobId: string }> {
    const model = await requireVideoModel(this.options.models, request.modelId, "image");
    const seed = request.seed ?? randomInt(0, SEED_RANGE - 1);
    const job = this.options.jobs.enqueue<ClipJobResult>({
      kind: "video.animate",
      engine: "image",
      title: `Animate · ${titleText(request.keyframes[0]?.prompt ?? "")}`,
      run: (ctx) => this.run(ctx, model, request, seed),
    });
    await this.options.jobs.persisted([job.id]);
    return { jobId: job.id };
  }

  private async run(ctx: JobContext, model: ModelInfo, request: KeyframeAnimateRequest, seed: number): Promise<ClipJobResult> {
    const { library } = this.options;
    const { modelId: _modelId, seed: _seed, initImage, mode, keyframes, ...settings } = request;
    const previews = new PreviewGate();
    const staged = await library.stage();
    try {
      await this.options.memory.makeRoom("image", [model.id]);
      const output = await this.options.engine.call(
        "animate",
        {
          ...settings,
          mode: mode === "travel" ? "prompt-travel" : "feedback",
          keyframes: keyframes.map(toEngineKeyframe),
          seed,
          load: this.load(model),
          ...(initImage ? { initImage } : {}),
          outputDir: staged.dir,
        },
        { signal: ctx.signal, onEvent: (event) => report(ctx, event, previews) },
      );
      if (ctx.signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
      const parameters = parametersOf(output, model);
      const name = titleText(output.parameters.keyframes.map((keyframe) => keyframe.prompt).join(" → "));
      const item = await library.commit(staged, { name, mode: parameters.mode, fps: output.fps, parameters, frames: output.files.length, jobId: ctx.jobId });
      return { clipId: item.id, frameCount: item.frameCount, width: item.width, height: item.height, fps: item.fps };
    } catch (error) {
      await library.discard(staged);
      throw error;
    }
  }

  private load(model: ModelInfo): ImageModelLoad {
    const settings = this.options.settings();
    const { budgetBytes, idleUnloadMs } = cacheConfigFrom(settings);
    return { modelId: model.id, modelPath: model.path, provider: settings.image.provider, cache: { budgetBytes, idleUnloadMs } };
  }
}

/** Frame f's steps fill its 1/frames share of the job; the preview is the latest frame or its latent, ≤ 4 per second. */
function report(ctx: JobContext, event: AnimateProgress, previews: PreviewGate): void {
  const done = event.phase === "frame" ? event.step : event.frame + (event.total > 0 ? event.step / event.total : 0);
  const message = event.phase === "frame" ? `Frame ${event.step} of ${event.total}` : `Frame ${event.frame + 1} of ${event.frames} · step ${event.step} of ${event.total}`;
  const preview = previews.pass(event.preview);
  ctx.progress({ fraction: event.frames > 0 ? Math.min(1, done / event.frames) : 0, step: event.frame + 1, total: event.frames, message, ...(preview ? { preview } : {}) });
}

/** The settings as the engine ran them (defaults resolved, keyframes sorted): the clip's sidecar. */
function parametersOf(output: AnimateOutput, model: ModelInfo): VideoParameters {
  const run = output.parameters;
  const first = run.keyframes[0];
  return {
    mode: run.mode === "prompt-travel" ? "keyframe-travel" : "keyframe-feedback",
    prompt: first?.prompt ?? "",
    negativePrompt: run.negativePrompt,
    modelId: model.id,
    modelName: model.name,
    ...{ frames: run.frames, fps: run.fps, width: run.width, height: run.height, steps: run.steps, cfgScale: run.cfgScale, sampler: run.sampler, seed: run.seed },
    ...{ strength: run.strength, seedIncrement: run.seedIncrement, border: run.border },
    keyframes: run.keyframes.map(fromEngineKeyframe),
  };
}

/** The contract nests a keyframe's camera move; the engine keeps its values flat. */
function toEngineKeyframe({ camera, ...keyframe }: Keyframe): AnimationKeyframe {
  return { ...keyframe, ...(camera ?? {}) };
}

function fromEngineKeyframe({ zoom, panX, panY, rotate, ...keyframe }: AnimationKeyframe): Keyframe {
  const moves = zoom !== undefined || panX !== undefined || panY !== undefined || rotate !== undefined;
  return { ...keyframe, ...(moves ? { camera: { zoom: zoom ?? 1, panX: panX ?? 0, panY: panY ?? 0, rotate: rotate ?? 0 } } : {}) };
}
