import { totalmem } from "node:os";
import type { Settings } from "../../shared/settings";
import type { EngineCacheConfig } from "../engines/cache-methods";
import { ramBudgetBytes } from "../hardware/memory-budget";

const MIB = 1024 * 1024;

/**
 * The model cache limits every engine gets from settings: a RAM budget (0 = half of RAM),
 * the idle unload time (0 = never) and the VRAM budget (0 = the engine uses 90% of the
 * VRAM free when it loads).
 */
export function cacheConfigFrom(settings: Settings, totalBytes = totalmem()): EngineCacheConfig {
  const { idleUnloadMinutes, vramBudgetMiB } = settings.engines;
  return {
    budgetBytes: ramBudgetBytes(settings, totalBytes),
    idleUnloadMs: Math.round(idleUnloadMinutes * 60_000),
    vramBudgetBytes: vramBudgetMiB * MIB,
  };
}
