import { totalmem } from "node:os";
import type { Settings } from "../../shared/settings";
import type { LlmCacheConfig } from "../engines/llm/methods";

const MIB = 1024 * 1024;

/** The model cache limits an engine gets from settings: a RAM budget (0 = half of RAM) and the idle unload time (0 = never). */
export function cacheConfigFrom(settings: Settings, totalBytes = totalmem()): LlmCacheConfig {
  const { ramBudgetMiB, idleUnloadMinutes } = settings.engines;
  return {
    budgetBytes: ramBudgetMiB > 0 ? ramBudgetMiB * MIB : Math.floor(totalBytes / 2),
    idleUnloadMs: Math.round(idleUnloadMinutes * 60_000),
  };
}
