import os from "node:os";
import { stat } from "node:fs/promises";
import type { EngineLog } from "../../image/image-models";
import { chooseProvider, PROVIDER_LABEL, type ProviderSetting } from "../../image/providers";
import { ModelCache, type ModelCacheConfig } from "../../model-cache";
import { ModelsById } from "../../models-by-id";
import { loadRife, resolveRifeFile, type LoadedRife } from "./rife-model";

/** Which interpolator to use and how; the cache limits travel with each call, as for image models. */
export interface RifeLoad {
  modelId: string;
  /** The installed model's folder (one .onnx) or the .onnx file. */
  modelPath: string;
  provider: ProviderSetting;
  cache: ModelCacheConfig;
}

interface Held {
  rife: LoadedRife;
  path: string;
}

/** The video engine's loaded RIFE models, in a ModelCache keyed by model id. */
export class RifeModels extends ModelsById<Held> {
  constructor(private readonly log: EngineLog) {
    const cache = new ModelCache<Held>({
      budgetBytes: Math.floor(os.totalmem() / 2),
      idleUnloadMs: 15 * 60_000,
      dispose: (held) => held.rife.session.release(),
      onWarning: (message) => log("warn", message),
    });
    super(cache, "video");
  }

  /** Loads (once) or reuses; one held for another path or provider is reloaded. Pair with `release`. */
  async acquire(load: RifeLoad): Promise<LoadedRife> {
    const provider = chooseProvider(load.provider);
    await this.cache.configure(load.cache);
    const existing = this.cache.entries().find((entry) => entry.key === load.modelId)?.value;
    if (existing && (existing.path !== load.modelPath || existing.rife.provider !== provider)) await this.cache.unload(load.modelId);
    const bytes = (await stat(await resolveRifeFile(load.modelPath))).size;
    const held = await this.cache.acquire(load.modelId, bytes, async () => {
      const started = performance.now();
      const rife = await loadRife(load.modelId, load.modelPath, provider);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.log("info", `Loaded interpolator “${load.modelId}” on ${PROVIDER_LABEL[provider]} in ${seconds} s (${Math.round(bytes / 1e6)} MB of weights).`);
      return { rife, path: load.modelPath };
    });
    return held.rife;
  }
}
