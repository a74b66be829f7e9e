import { randomInt } from "node:crypto";
import { AppError } from "../../shared/errors";
import type { ModelInfo } from "../../shared/models";
import type { Settings } from "../../shared/settings";
import type { ClipJobResult, KeyframeAnimateRequest, VideoParameters } from "../../shared/video";
import type { ImageModelLoad } from "../engines/image/methods";
import type { JobContext, JobQueue } from "../jobs/job-queue";
import { cacheConfigFrom } from "../models/cache-config";
import type { MemoryBroker } from "../models/memory-broker";
import type { ClipLibrary } from "./clip-library";
import { requireVideoModel, type VideoModelSource } from "./video-models";
import { PreviewGate, reportSpan, titleText } from "./video-progress";

/** What the image engine's keyframe animation takes: the request as validated, a seed, the model and where to write frames. */
export type KeyframeRunInput = Omit<KeyframeAnimateRequest, "modelId" | "seed"> & {
  load: ImageModelLoad;
  seed: number;
  /** Frames are written there as frame-00000.png, frame-00001.png, … */
  outputDir: string;
};

export interface KeyframeRunProgress {
  /** Frames done of all; `preview` a small PNG data: URL of the latest. */
  step: number;
  total: number;
  preview?: string;
}

/** The image engine's `animate` method as the service needs it (the studio adapts the engine client). */
export type KeyframeRunner = (
  input: KeyframeRunInput,
  options: { signal: AbortSignal; onEvent: (event: KeyframeRunProgress) => void },
) => Promise<{ files: string[] }>;

export interface KeyframeServiceOptions {
  run: KeyframeRunner;
  memory: Pick<MemoryBroker, "makeRoom">;
  jobs: JobQueue;
  library: ClipLibrary;
  models: VideoModelSource;
  settings: () => Settings;
}

const SEED_RANGE = 2 ** 32;

/** Keyframe animation (prompt travel, image-to-image feedback with camera moves) with any Stable Diffusion model, on the image engine. */
export class KeyframeService {
  constructor(private readonly options: KeyframeServiceOptions) {}

  async animate(request: KeyframeAnimateRequest): Promise<{ jobId: string }> {
    const model = await requireVideoModel(this.options.models, request.modelId, "image");
    const seed = request.seed ?? randomInt(0, SEED_RANGE - 1);
    const first = request.keyframes[0]?.prompt ?? "";
    const job = this.options.jobs.enqueue<ClipJobResult>({
      kind: "video.animate",
      engine: "image",
      title: `Animate · ${titleText(first)}`,
      run: (ctx) => this.run(ctx, model, request, seed),
    });
    await this.options.jobs.persisted([job.id]);
    return { jobId: job.id };
  }

  private async run(ctx: JobContext, model: ModelInfo, request: KeyframeAnimateRequest, seed: number): Promise<ClipJobResult> {
    const { library } = this.options;
    const { modelId: _modelId, seed: _seed, ...settings } = request;
    const previews = new PreviewGate();
    const staged = await library.stage();
    try {
      await this.options.memory.makeRoom("image", [model.id]);
      const output = await this.options.run(
        { ...settings, load: this.load(model), seed, outputDir: staged.dir },
        { signal: ctx.signal, onEvent: (event) => reportSpan(ctx, { from: 0, to: 1 }, event.step, event.total, `Frame ${event.step} of ${event.total}`, previews.pass(event.preview)) },
      );
      if (ctx.signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
      const mode = request.mode === "travel" ? "keyframe-travel" : "keyframe-feedback";
      const parameters: VideoParameters = {
        mode,
        prompt: request.keyframes[0]?.prompt ?? "",
        ...{ negativePrompt: request.negativePrompt, modelId: model.id, modelName: model.name },
        ...{ frames: request.frames, fps: request.fps, width: request.width, height: request.height },
        ...{ steps: request.steps, cfgScale: request.cfgScale, sampler: request.sampler, seed },
        keyframes: request.keyframes,
        ...(request.mode === "feedback" ? { strength: request.strength } : {}),
      };
      const name = titleText(request.keyframes.map((keyframe) => keyframe.prompt).join(" → "));
      const item = await library.commit(staged, { name, mode, fps: request.fps, parameters, frames: output.files.length, jobId: ctx.jobId });
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
