import { AppError } from "../../../shared/errors";
import { createCacheHandlers } from "../cache-handlers";
import { createOneAtATime } from "../one-at-a-time";
import type { WorkerHandlers } from "../worker-runtime";
import { generateReply } from "./generate";
import { readLlamaHardware } from "./gguf-fit";
import { parseFitInput, parseGenerateInput, parseLoadOptions } from "./input-schemas";
import type { LlamaRuntime } from "./llama-runtime";
import type { LlmModels } from "./llm-models";
import type { LlmMethods } from "./methods";

/**
 * The LLM engine's methods. Generations run one at a time: a model has one context
 * sequence, and a cancelled generation must finish unwinding before the next starts.
 */
export function createLlmHandlers(models: LlmModels, runtime: LlamaRuntime): WorkerHandlers<LlmMethods> {
  const oneAtATime = createOneAtATime();

  return {
    generate: (rawInput, context) =>
      oneAtATime(async () => {
        const input = parseGenerateInput(rawInput);
        if (context.signal.aborted) throw new AppError("CANCELLED", "Cancelled before it started.");
        const loaded = await models.acquire(input.load);
        try {
          return await generateReply(loaded, input, context);
        } finally {
          models.release(input.load.modelId);
        }
      }),
    ...createCacheHandlers([models]),
    hardware: async () => readLlamaHardware(await runtime.get()),
    fit: async (input) => models.fit(parseFitInput(input)),
    load: (rawInput) =>
      oneAtATime(async () => {
        const options = parseLoadOptions(rawInput);
        await models.acquire(options);
        models.release(options.modelId);
        const loaded = models.loaded().find((model) => model.modelId === options.modelId);
        if (!loaded) throw new AppError("MODEL_LOAD_FAILED", `"${options.modelId}" was unloaded right after it loaded.`);
        return loaded;
      }),
  };
}
