import type { EngineName } from "../../shared/jobs";
import type { LoadedModel, ModelInfo } from "../../shared/models";
import type { Logger } from "../log/types";
import type { ManagedEngine } from "./configured-engine";

export interface MemoryBrokerOptions {
  engines: () => readonly ManagedEngine[];
  getModel(id: string): Promise<ModelInfo>;
  /** The RAM budget for all engines together, from settings. */
  budgetBytes(): number;
  logger: Logger;
}

/** What loading a model will take: the fit estimate where there is one (weights and context), else its files. */
export function estimatedMemory(model: ModelInfo): number {
  return Math.max(model.fit?.ramBytes ?? 0, model.sizeBytes);
}

/**
 * Keeps the models of every engine process together within one RAM budget. Each engine's cache
 * only sees its own models, so before a job loads models the broker unloads the least recently
 * used idle ones anywhere (another engine's included) until everything fits.
 */
export class MemoryBroker {
  constructor(private readonly options: MemoryBrokerOptions) {}

  /** Makes room for `modelIds` in `engine`; models already loaded there count as already paid for. */
  async makeRoom(engine: EngineName, modelIds: readonly string[]): Promise<void> {
    const engines = this.options.engines();
    const loaded = (await Promise.all(engines.map((each) => each.loaded().catch((): LoadedModel[] => [])))).flat();
    const isHere = (id: string) => loaded.some((model) => model.engine === engine && model.modelId === id);
    const missing = modelIds.filter((id) => !isHere(id));
    if (missing.length === 0) return;
    const needed = (await Promise.all(missing.map((id) => this.options.getModel(id).then(estimatedMemory, () => 0)))).reduce((a, b) => a + b, 0);
    const budget = this.options.budgetBytes();
    let used = loaded.reduce((sum, model) => sum + model.memoryBytes, 0);
    const candidates = loaded
      .filter((model) => !model.inUse && !(model.engine === engine && modelIds.includes(model.modelId)))
      .sort((a, b) => a.lastUsedAt - b.lastUsedAt);
    for (const victim of candidates) {
      if (used + needed <= budget) return;
      const holder = engines.find((each) => each.engine === victim.engine);
      if (!(await holder?.unload(victim.modelId).catch(() => false))) continue;
      used -= victim.memoryBytes;
      this.options.logger.log("info", "engines", `Unloaded ${victim.modelId} from the ${victim.engine} engine to stay within the memory budget`, {
        for: missing,
        neededBytes: needed,
        budgetBytes: budget,
      });
    }
  }
}
