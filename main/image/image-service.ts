import { randomInt } from "node:crypto";
import { AppError } from "../../shared/errors";
import type { ImageGenerateRequest, ImageJobResult, ImageParameters, UpscaleRequest } from "../../shared/image";
import type { ModelInfo } from "../../shared/models";
import type { Settings } from "../../shared/settings";
import type { ImageGenerateInput, ImageMethods, ImageModelLoad, ImageProgress } from "../engines/image/methods";
import type { EngineClient } from "../engines/protocol";
import type { JobContext, JobQueue } from "../jobs/job-queue";
import type { LibraryService } from "../library/library-service";
import type { Logger } from "../log/types";
import { cacheConfigFrom } from "../models/cache-config";
import type { MemoryBroker } from "../models/memory-broker";

export interface ImageServiceOptions {
  engine: Pick<EngineClient<ImageMethods>, "call">;
  memory: Pick<MemoryBroker, "makeRoom">;
  jobs: JobQueue;
  library: LibraryService;
  getModel: (id: string) => Promise<ModelInfo>;
  settings: () => Settings;
  logger: Logger;
}

const SEED_RANGE = 2 ** 32;

function titleText(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return "(no prompt)";
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Image generation and upscaling as jobs whose results land in the library. */
export class ImageService {
  constructor(private readonly options: ImageServiceOptions) {}

  /** One job per image of the batch, seeds seed, seed + 1, …; a null seed draws one. */
  async generate(request: ImageGenerateRequest): Promise<{ jobIds: string[] }> {
    const model = await this.requireModel(request.modelId, "image");
    const first = request.seed ?? randomInt(0, SEED_RANGE - 1);
    const jobIds: string[] = [];
    for (let i = 0; i < request.batchCount; i++) {
      const seed = (first + i) % SEED_RANGE;
      const job = this.options.jobs.enqueue<ImageJobResult>({
        kind: "image.generate",
        engine: "image",
        title: `Image ${i + 1}/${request.batchCount} · ${titleText(request.prompt)}`,
        run: (ctx) => this.runGenerate(ctx, model, request, seed),
      });
      jobIds.push(job.id);
    }
    await this.options.jobs.persisted(jobIds);
    return { jobIds };
  }

  async upscale(request: UpscaleRequest): Promise<{ jobId: string }> {
    const model = await this.requireModel(request.modelId, "upscale");
    const source = await this.options.library.get(request.itemId);
    const job = this.options.jobs.enqueue<ImageJobResult>({
      kind: "image.upscale",
      engine: "image",
      title: `Upscale · ${titleText(source.parameters?.prompt ?? source.id)}`,
      run: async (ctx) => {
        await this.options.memory.makeRoom("image", [model.id]);
        const output = await this.options.engine.call(
          "upscale",
          { load: this.load(model), imagePath: await this.options.library.pathOf(source.id), tileSize: request.tileSize, overlap: request.overlap },
          { signal: ctx.signal, onEvent: (event) => this.progress(ctx, event, `Tile ${event.step} of ${event.total}`) },
        );
        // The source's generation settings stay (so they can be recalled); the upscale is noted on top.
        const parameters: ImageParameters = {
          ...(source.parameters ?? this.emptyParameters(model, source.width, source.height)),
          mode: "upscale",
          upscaleFactor: output.scale,
        };
        return this.save(ctx, output.pngBase64, parameters);
      },
    });
    await this.options.jobs.persisted([job.id]);
    return { jobId: job.id };
  }

  private async runGenerate(ctx: JobContext, model: ModelInfo, request: ImageGenerateRequest, seed: number): Promise<ImageJobResult> {
    const { prompt, negativePrompt, width, height, steps, cfgScale, sampler, strength, initImage, mask } = request;
    const input: ImageGenerateInput = {
      load: this.load(model),
      ...{ prompt, negativePrompt, width, height, steps, cfgScale, sampler, seed, strength },
      ...(initImage ? { initImage } : {}),
      ...(mask ? { mask } : {}),
    };
    await this.options.memory.makeRoom("image", [model.id]);
    const output = await this.options.engine.call("generate", input, {
      signal: ctx.signal,
      onEvent: (event) => this.progress(ctx, event, `Step ${event.step} of ${event.total}`),
    });
    this.options.logger.log("info", "image", `Generated ${output.width}×${output.height} on ${output.stats.provider}`, {
      jobId: ctx.jobId,
      durationMs: Math.round(output.stats.durationMs),
      sessionMs: Math.round(output.stats.sessionMs),
    });
    const parameters: ImageParameters = {
      prompt: request.prompt,
      negativePrompt: request.negativePrompt,
      steps: request.steps,
      sampler: request.sampler,
      cfgScale: request.cfgScale,
      seed,
      width: request.width,
      height: request.height,
      modelId: model.id,
      modelName: model.name,
      mode: output.mode,
      ...(initImage ? { strength: request.strength } : {}),
    };
    return this.save(ctx, output.pngBase64, parameters);
  }

  private async save(ctx: JobContext, pngBase64: string, parameters: ImageParameters): Promise<ImageJobResult> {
    // Cancelled while the last step ran: the job ends cancelled, so nothing lands in the gallery.
    if (ctx.signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
    const item = await this.options.library.add({ png: Buffer.from(pngBase64, "base64"), parameters, jobId: ctx.jobId });
    return { itemId: item.id, width: item.width, height: item.height };
  }

  private progress(ctx: JobContext, event: ImageProgress, message: string): void {
    const fraction = event.total > 0 ? Math.min(1, event.step / event.total) : 0;
    ctx.progress({ fraction, step: event.step, total: event.total, message, ...(event.preview ? { preview: event.preview } : {}) });
  }

  private load(model: ModelInfo): ImageModelLoad {
    const settings = this.options.settings();
    const { budgetBytes, idleUnloadMs } = cacheConfigFrom(settings);
    return { modelId: model.id, modelPath: model.path, provider: settings.image.provider, cache: { budgetBytes, idleUnloadMs } };
  }

  private async requireModel(id: string, family: "image" | "upscale"): Promise<ModelInfo> {
    const model = await this.options.getModel(id);
    if (model.family !== family || model.format !== "onnx") {
      const wanted = family === "image" ? "a Stable Diffusion (ONNX) model" : "an ONNX upscaler";
      throw new AppError("MODEL_INCOMPATIBLE", `“${model.name}” is a ${model.family} model (${model.format}); this needs ${wanted}.`);
    }
    return model;
  }

  private emptyParameters(model: ModelInfo, width: number, height: number): ImageParameters {
    return { prompt: "", negativePrompt: "", steps: 0, sampler: "euler_a", cfgScale: 0, seed: 0, width, height, modelId: model.id, modelName: model.name, mode: "upscale" };
  }
}
