import os from "node:os";
import type { EngineLog } from "../image/image-models";
import { chooseProvider, PROVIDER_LABEL } from "../image/providers";
import { ModelCache } from "../model-cache";
import { ModelsById } from "../models-by-id";
import type { VideoModelLoad } from "./methods";
import { loadMotionPipeline, motionWeightBytes, type LoadedMotionPipeline } from "./motion/load-motion";

interface Held {
  pipeline: LoadedMotionPipeline;
  path: string;
}

/** The video engine's loaded motion pipelines, in a ModelCache keyed by model id. */
export class MotionModels extends ModelsById<Held> {
  constructor(private readonly log: EngineLog) {
    const cache = new ModelCache<Held>({
      budgetBytes: Math.floor(os.totalmem() / 2),
      idleUnloadMs: 15 * 60_000,
      dispose: async (held) => void (await Promise.all(held.pipeline.sessions.map((session) => session.release()))),
      onWarning: (message) => log("warn", message),
    });
    super(cache, "video");
  }

  /**
   * Loads (once) or reuses; one held for another path or provider is reloaded. Pair with `release`.
   * The host's limits come again with each `load.cache` (the same settings as `configure`).
   */
  async acquire(load: VideoModelLoad): Promise<LoadedMotionPipeline> {
    const provider = chooseProvider(load.provider);
    await this.cache.configure(load.cache);
    const existing = this.cache.entries().find((entry) => entry.key === load.modelId)?.value;
    const reusable = existing && existing.path === load.modelPath && existing.pipeline.provider === provider;
    if (existing && !reusable) await this.cache.unload(load.modelId);
    // Reading the folder for the estimate also checks it before any session opens.
    const bytes = reusable ? 0 : await motionWeightBytes(load.modelPath);
    let loadedBytes: number | undefined;
    const held = await this.cache.acquire(load.modelId, bytes, async () => {
      // bytes is 0 only when the model was evicted after the check above: estimate now, so the budget counts it.
      loadedBytes = bytes || (await motionWeightBytes(load.modelPath));
      const started = performance.now();
      const pipeline = await loadMotionPipeline(load.modelId, load.modelPath, provider);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const { contextSize, contextSource } = pipeline.unet;
      this.log("info", `Loaded motion model “${load.modelId}” on ${PROVIDER_LABEL[provider]} in ${seconds} s (${Math.round(loadedBytes / 1e6)} MB of weights, ${contextSize}-frame windows from the ${contextSource}).`);
      return { pipeline, path: load.modelPath };
    });
    if (loadedBytes !== undefined) this.cache.setBytes(load.modelId, loadedBytes);
    return held.pipeline;
  }
}
