import os from "node:os";
import { stat } from "node:fs/promises";
import { ModelCache } from "../model-cache";
import { ModelsById } from "../models-by-id";
import type { ImageModelLoad } from "./methods";
import { loadPipeline, pipelineWeightBytes, type LoadedPipeline } from "./pipeline/load-pipeline";
import { chooseProvider, PROVIDER_LABEL, type OrtProvider } from "./providers";
import { loadUpscaler, resolveUpscalerFile, type LoadedUpscaler } from "./upscale/upscaler";

export type LoadedImageModel = LoadedPipeline | LoadedUpscaler;
export type EngineLog = (level: "info" | "warn" | "error", message: string) => void;

interface Held {
  model: LoadedImageModel;
  path: string;
}

/** The image engine's loaded pipelines and upscalers, in a ModelCache keyed by model id. */
export class ImageModels extends ModelsById<Held> {
  constructor(private readonly log: EngineLog) {
    const cache = new ModelCache<Held>({
      budgetBytes: Math.floor(os.totalmem() / 2),
      idleUnloadMs: 15 * 60_000,
      dispose: (held) => release(held.model),
      onWarning: (message) => log("warn", message),
    });
    super(cache, "image");
  }

  async acquirePipeline(load: ImageModelLoad): Promise<LoadedPipeline> {
    const held = await this.acquire(load, "pipeline", () => pipelineWeightBytes(load.modelPath), (provider) => loadPipeline(load.modelId, load.modelPath, provider));
    if (held.kind !== "pipeline") throw new Error("unreachable: a pipeline key holding an upscaler");
    return held;
  }

  async acquireUpscaler(load: ImageModelLoad): Promise<LoadedUpscaler> {
    const bytes = async () => (await stat(await resolveUpscalerFile(load.modelPath))).size;
    const held = await this.acquire(load, "upscaler", bytes, (provider) => loadUpscaler(load.modelId, load.modelPath, provider));
    if (held.kind !== "upscaler") throw new Error("unreachable: an upscaler key holding a pipeline");
    return held;
  }

  /**
   * Loads (once) or reuses; a model held for another path, kind or provider is reloaded.
   * The host's limits come again with each `load.cache` (the same settings as `configure`).
   */
  private async acquire(
    load: ImageModelLoad,
    kind: LoadedImageModel["kind"],
    estimateBytes: () => Promise<number>,
    open: (provider: OrtProvider) => Promise<LoadedImageModel>,
  ): Promise<LoadedImageModel> {
    const provider = chooseProvider(load.provider);
    await this.cache.configure(load.cache);
    const existing = this.cache.entries().find((entry) => entry.key === load.modelId)?.value;
    const reusable = existing && existing.path === load.modelPath && existing.model.kind === kind && existing.model.provider === provider;
    if (existing && !reusable) await this.cache.unload(load.modelId);
    // Only a load needs the estimate (and reading the folder checks it before any session opens).
    const bytes = reusable ? 0 : await estimateBytes();
    let loadedBytes: number | undefined;
    const held = await this.cache.acquire(load.modelId, bytes, async () => {
      // bytes is 0 only when the model was evicted after the check above: estimate now, so the budget counts it.
      loadedBytes = bytes || (await estimateBytes());
      const started = performance.now();
      const model = await open(provider);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.log("info", `Loaded ${kind} “${load.modelId}” on ${PROVIDER_LABEL[provider]} in ${seconds} s (${Math.round(loadedBytes / 1e6)} MB of weights).`);
      return { model, path: load.modelPath };
    });
    if (loadedBytes !== undefined) this.cache.setBytes(load.modelId, loadedBytes);
    return held.model;
  }
}

async function release(model: LoadedImageModel): Promise<void> {
  const sessions = model.kind === "pipeline" ? model.sessions : [model.session];
  await Promise.all(sessions.map((session) => session.release()));
}
