import type { EngineName } from "../../shared/jobs";
import type { LoadedModel } from "../../shared/models";
import type { CacheEntryInfo } from "./model-cache";
import type { EngineMethod } from "./protocol";

/** The limits the host gives an engine's model caches (from settings; see main/models/cache-config.ts). */
export interface EngineCacheConfig {
  budgetBytes: number;
  /** 0 keeps idle models loaded until evicted. */
  idleUnloadMs: number;
  /** VRAM the loaded models may use; 0 (or absent) means 90% of the free VRAM. Engines without GPU offload ignore it. */
  vramBudgetBytes?: number;
}

/**
 * The methods every engine process answers, whatever it runs: which models it holds, unloading
 * one, and new cache limits. One method each covers all the caches of the process.
 */
export type CacheMethods = {
  /** `ifIdle`: leave it loaded if a job is using it (instead of unloading when that job ends). */
  unload: EngineMethod<{ modelId: string; ifIdle?: boolean }, { unloaded: boolean }>;
  loaded: EngineMethod<Record<string, never>, LoadedModel[]>;
  configure: EngineMethod<EngineCacheConfig, { ok: true }>;
};

/** One cache of loaded models inside an engine process. */
export interface ModelHolder {
  loaded(): LoadedModel[];
  /** Resolves false when it did not unload the model (not held, or in use and `ifIdle`). */
  unload(modelId: string, ifIdle?: boolean): Promise<boolean>;
  configure(config: EngineCacheConfig): Promise<void>;
}

/** How a cache entry is reported in `loaded`: its model (the cache key unless given), memory, last use and whether a job holds it. */
export function loadedModelOf(entry: CacheEntryInfo<unknown>, engine: EngineName, modelId = entry.key): LoadedModel {
  return { modelId, engine, memoryBytes: entry.bytes, lastUsedAt: entry.lastUsedAt, inUse: entry.users > 0 };
}
