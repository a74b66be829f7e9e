import type { EngineName } from "../../shared/jobs";
import type { LoadedModel } from "../../shared/models";
import { loadedModelOf, type ModelHolder } from "./cache-methods";
import type { ModelCache, ModelCacheConfig } from "./model-cache";

/** The ModelHolder side of an engine's models kept in a ModelCache under their model id. */
export abstract class ModelsById<T> implements ModelHolder {
  protected constructor(
    protected readonly cache: ModelCache<T>,
    private readonly engine: EngineName,
  ) {}

  release(modelId: string): void {
    this.cache.release(modelId);
  }

  unload(modelId: string, ifIdle = false): Promise<boolean> {
    return this.cache.unload(modelId, { ifIdle });
  }

  configure(config: ModelCacheConfig): Promise<void> {
    return this.cache.configure(config);
  }

  clear(): Promise<void> {
    return this.cache.clear();
  }

  loaded(): LoadedModel[] {
    return this.cache.entries().map((entry) => loadedModelOf(entry, this.engine));
  }
}
