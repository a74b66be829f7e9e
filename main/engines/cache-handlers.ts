import { z } from "zod";
import type { CacheMethods, ModelHolder } from "./cache-methods";
import { parseWorkerInput } from "./worker-input";
import type { WorkerHandlers } from "./worker-runtime";

const unloadSchema = z.object({ modelId: z.string().min(1).max(200), ifIdle: z.boolean().default(false) });
const configSchema = z.object({
  budgetBytes: z.number().nonnegative(),
  idleUnloadMs: z.number().nonnegative(),
  vramBudgetBytes: z.number().nonnegative().default(0),
});

/** The cache methods of an engine process, over all the caches it keeps (none for an engine that holds no models). */
export function createCacheHandlers(holders: readonly ModelHolder[]): WorkerHandlers<CacheMethods> {
  return {
    loaded: async () => holders.flatMap((holder) => holder.loaded()),
    unload: async (input) => {
      const { modelId, ifIdle } = parseWorkerInput(unloadSchema, input, "unload");
      const results = await Promise.all(holders.map((holder) => holder.unload(modelId, ifIdle)));
      return { unloaded: results.some(Boolean) };
    },
    configure: async (input) => {
      const config = parseWorkerInput(configSchema, input, "configure");
      await Promise.all(holders.map((holder) => holder.configure(config)));
      return { ok: true };
    },
  };
}
