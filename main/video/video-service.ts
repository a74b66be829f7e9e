import { randomInt } from "node:crypto";
import { AppError } from "../../shared/errors";
import type { ModelInfo } from "../../shared/models";
import type { Settings } from "../../shared/settings";
import type { ClipJobResult, InterpolateRequest, VideoGenerateRequest, VideoParameters } from "../../shared/video";
import type { EngineClient } from "../engines/protocol";
import type { VideoMethods, VideoModelLoad } from "../engines/video/methods";
import type { JobContext, JobQueue } from "../jobs/job-queue";
import type { Logger } from "../log/types";
import { cacheConfigFrom } from "../models/cache-config";
import type { MemoryBroker } from "../models/memory-broker";
import type { ClipLibrary, NewClip, StagedClip } from "./clip-library";
import { chooseInterpolator, requireImageToVideo, requireVideoModel, type VideoModelSource } from "./video-models";
import { PreviewGate, reportSpan, titleText } from "./video-progress";

export interface VideoServiceOptions {
  engine: Pick<EngineClient<VideoMethods>, "call">;
  memory: Pick<MemoryBroker, "makeRoom">;
  jobs: JobQueue;
  library: ClipLibrary;
  models: VideoModelSource;
  settings: () => Settings;
  logger: Logger;
}

const SEED_RANGE = 2 ** 32;
/** Denoising takes most of a clip's time; writing the frames the rest. */
const DENOISE = { from: 0, to: 0.9 };
const DECODE = { from: 0.9, to: 1 };

/** Motion generation and interpolation on the video engine, as jobs whose clips land in the library. */
export class VideoService {
  constructor(private readonly options: VideoServiceOptions) {}

  async generate(request: VideoGenerateRequest): Promise<{ jobId: string }> {
    const model = await requireVideoModel(this.options.models, request.modelId, "motion");
    if (request.initImage) await requireImageToVideo(model);
    const seed = request.seed ?? randomInt(0, SEED_RANGE - 1);
    return this.enqueue("video.generate", `Video · ${titleText(request.prompt)}`, (ctx) => this.runGenerate(ctx, model, request, seed));
  }

  async interpolate(request: InterpolateRequest): Promise<{ jobId: string }> {
    const source = await this.options.library.get(request.clipId);
    if (source.frameCount < 2) throw new AppError("INVALID_INPUT", `“${source.name}” has one frame; interpolation needs at least two.`);
    const model = await chooseInterpolator(this.options.models, request.modelId);
    const { factor } = request;
    return this.enqueue("video.interpolate", `Interpolate ×${factor} · ${source.name}`, (ctx) =>
      this.intoLibrary(ctx, async (staged) => {
        await this.options.memory.makeRoom("video", [model.id]);
        const output = await this.options.engine.call(
          "interpolate",
          { load: this.load(model), framePaths: await this.options.library.framePaths(source.id), factor, outputDir: staged.dir },
          { signal: ctx.signal, onEvent: (event) => reportSpan(ctx, { from: 0, to: 1 }, event.step, event.total, `Frame pair ${event.step} of ${event.total}`) },
        );
        const earlier = source.parameters?.interpolation?.factor ?? 1;
        const parameters: VideoParameters | null = source.parameters && {
          ...source.parameters,
          interpolation: { factor: earlier * factor, modelId: model.id, modelName: model.name },
        };
        return {
          name: `${source.name} ×${factor}`,
          mode: source.mode,
          fps: source.fps * factor,
          parameters,
          frames: output.files.length,
          sourceClipId: source.id,
        };
      }),
    );
  }

  private async runGenerate(ctx: JobContext, model: ModelInfo, request: VideoGenerateRequest, seed: number): Promise<ClipJobResult> {
    const { prompt, negativePrompt, frames, fps, width, height, steps, cfgScale, sampler, strength, initImage, contextOverlap } = request;
    const previews = new PreviewGate();
    return this.intoLibrary(ctx, async (staged) => {
      await this.options.memory.makeRoom("video", [model.id]);
      const output = await this.options.engine.call(
        "generate",
        {
          load: this.load(model),
          ...{ prompt, negativePrompt, frames, fps, width, height, steps, cfgScale, sampler, seed, strength },
          ...(contextOverlap === undefined ? {} : { contextOverlap }),
          ...(initImage ? { initImage } : {}),
          outputDir: staged.dir,
        },
        {
          signal: ctx.signal,
          onEvent: (event) =>
            event.phase === "denoise"
              ? reportSpan(ctx, DENOISE, event.step, event.total, `Step ${event.step} of ${event.total}`, previews.pass(event.preview))
              : reportSpan(ctx, DECODE, event.step, event.total, `Frame ${event.step} of ${event.total}`),
        },
      );
      this.options.logger.log("info", "video", `Generated ${output.files.length} frames ${output.width}×${output.height} on ${output.stats.provider}`, {
        jobId: ctx.jobId,
        windows: output.windows,
        durationMs: Math.round(output.stats.durationMs),
        sessionMs: Math.round(output.stats.sessionMs),
      });
      const run = output.parameters;
      const parameters: VideoParameters = {
        mode: output.mode,
        ...{ prompt: run.prompt, negativePrompt: run.negativePrompt, modelId: model.id, modelName: model.name },
        ...{ frames: run.frames, fps: run.fps, width: run.width, height: run.height, steps: run.steps, cfgScale: run.cfgScale, sampler: run.sampler, seed: run.seed },
        contextOverlap: run.contextOverlap,
        ...(initImage ? { strength: run.strength } : {}),
      };
      return { name: titleText(prompt), mode: output.mode, fps, parameters, frames: output.files.length };
    });
  }

  /** Runs `make` into a staged clip folder and commits what it describes; a failure or cancel removes the folder. */
  private async intoLibrary(ctx: JobContext, make: (staged: StagedClip) => Promise<NewClip>): Promise<ClipJobResult> {
    const { library } = this.options;
    const staged = await library.stage();
    try {
      const clip = await make(staged);
      // Cancelled while the last frames were written: the job ends cancelled, so nothing lands in the library.
      if (ctx.signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
      const item = await library.commit(staged, { ...clip, jobId: ctx.jobId });
      return { clipId: item.id, frameCount: item.frameCount, width: item.width, height: item.height, fps: item.fps };
    } catch (error) {
      await library.discard(staged);
      throw error;
    }
  }

  private async enqueue(kind: string, title: string, run: (ctx: JobContext) => Promise<ClipJobResult>): Promise<{ jobId: string }> {
    const job = this.options.jobs.enqueue<ClipJobResult>({ kind, engine: "video", title, run });
    await this.options.jobs.persisted([job.id]);
    return { jobId: job.id };
  }

  private load(model: ModelInfo): VideoModelLoad {
    const settings = this.options.settings();
    const { budgetBytes, idleUnloadMs } = cacheConfigFrom(settings);
    return { modelId: model.id, modelPath: model.path, provider: settings.image.provider, cache: { budgetBytes, idleUnloadMs } };
  }
}
