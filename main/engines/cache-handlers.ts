import { z } from "zod";
import { AppError } from "../../shared/errors";
import type { CacheMethods, ModelHolder } from "./cache-methods";
import type { WorkerHandlers } from "./worker-runtime";

const modelIdSchema = z.object({ modelId: z.string().min(1).max(200) });
const configSchema = z.object({
  budgetBytes: z.number().nonnegative(),
  idleUnloadMs: z.number().nonnegative(),
  vramBudgetBytes: z.number().nonnegative().default(0),
});

function parse<T>(schema: z.ZodType<T>, input: unknown, method: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", `Invalid ${method} request: ${parsed.error.issues[0]?.message ?? ""}`);
  return parsed.data;
}

/** The cache methods of an engine process, over all the caches it keeps (none for an engine that holds no models). */
export function createCacheHandlers(holders: readonly ModelHolder[]): WorkerHandlers<CacheMethods> {
  return {
    loaded: async () => holders.flatMap((holder) => holder.loaded()),
    unload: async (input) => {
      const { modelId } = parse(modelIdSchema, input, "unload");
      const results = await Promise.all(holders.map((holder) => holder.unload(modelId)));
      return { unloaded: results.some(Boolean) };
    },
    configure: async (input) => {
      const config = parse(configSchema, input, "configure");
      await Promise.all(holders.map((holder) => holder.configure(config)));
      return { ok: true };
    },
  };
}
