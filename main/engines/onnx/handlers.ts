import { z } from "zod";
import { AppError } from "../../../shared/errors";
import { createCacheHandlers } from "../cache-handlers";
import { absolutePathSchema, parseWorkerInput } from "../worker-input";
import type { WorkerHandlers } from "../worker-runtime";
import { inspectOnnxFile } from "./inspect";
import type { OnnxMethods } from "./methods";
import { usableProviders } from "./providers";

const inspectInputSchema = z.object({
  paths: z.array(absolutePathSchema).min(1).max(64),
});

export function createOnnxHandlers(): WorkerHandlers<OnnxMethods> {
  return {
    inspect: async (input, { signal }) => {
      const { paths } = parseWorkerInput(inspectInputSchema, input, "inspect");
      const results = [];
      // One at a time: each session can hold a whole model in memory while it is open.
      for (const file of paths) {
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
