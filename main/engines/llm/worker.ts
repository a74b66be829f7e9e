import { runWorker } from "../worker-runtime";
import { createLlmHandlers } from "./handlers";
import { LlamaRuntime } from "./llama-runtime";
import { LlmModels } from "./llm-models";
import type { LlmMethods } from "./methods";

/** Entry of the LLM engine process (built to out/main/engine-llm.js). */
const runtime = new LlamaRuntime((level, message) => worker.log(level, message));
const models = new LlmModels(runtime, (level, message) => worker.log(level, message));
const worker = runWorker<LlmMethods>(createLlmHandlers(models, runtime), {
  dispose: async () => {
    await models.clear();
    await runtime.dispose();
  },
});
