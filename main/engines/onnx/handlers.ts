import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../shared/errors";
import { createCacheHandlers } from "../cache-handlers";
import type { WorkerHandlers } from "../worker-runtime";
import { inspectOnnxFile } from "./inspect";
import type { OnnxMethods } from "./methods";
import { usableProviders } from "./providers";

const inspectInputSchema = z.object({
  paths: z.array(z.string().min(1).max(4096).refine((p) => path.isAbsolute(p), "must be absolute")).min(1).max(64),
});

export function createOnnxHandlers(): WorkerHandlers<OnnxMethods> {
  return {
    inspect: async (input, { signal }) => {
      const parsed = inspectInputSchema.safeParse(input);
      if (!parsed.success) throw new AppError("INVALID_INPUT", `Invalid inspect request: ${parsed.error.issues[0]?.message ?? ""}`);
      const results = [];
      // One at a time: each session can hold a whole model in memory while it is open.
      for (const file of parsed.data.paths) {
        if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
        results.push(await inspectOnnxFile(file));
      }
      return results;
    },
    providers: async () => usableProviders(),
    // Inspection releases every session it opens: nothing stays loaded, yet the engine answers like the others.
    ...createCacheHandlers([]),
  };
}
