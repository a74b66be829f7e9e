import { getLlama, LlamaChatSession, type LlamaContext } from "node-llama-cpp";
import { LLM_BENCH, rate, type RunTiming } from "./bench-config";

/** node-llama-cpp called in this process: the baseline the whole stack is measured against. */
export async function openInProcessLlm(): Promise<{ run(): Promise<RunTiming>; close(): Promise<void> }> {
  const llama = await getLlama({ gpu: "auto", build: "never" });
  const model = await llama.loadModel({ modelPath: LLM_BENCH.modelPath });
  const context: LlamaContext = await model.createContext({ contextSize: LLM_BENCH.contextSize, threads: LLM_BENCH.threads });
  const sequence = context.getSequence();

  async function run(): Promise<RunTiming> {
    const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: LLM_BENCH.systemPrompt, autoDisposeSequence: false });
    let tokens = 0;
    let firstAt = 0;
    const startAt = performance.now();
    await session.prompt(LLM_BENCH.prompt, {
      maxTokens: LLM_BENCH.maxTokens,
      temperature: LLM_BENCH.temperature,
      topP: LLM_BENCH.topP,
      topK: LLM_BENCH.topK,
      seed: LLM_BENCH.seed,
      onToken(chunk) {
        if (tokens === 0) firstAt = performance.now();
        tokens += chunk.length;
      },
    });
    const endAt = performance.now();
    session.dispose({ disposeSequence: false });
    return { ttftMs: firstAt - startAt, tokensPerSecond: rate(tokens, firstAt, endAt), tokens };
  }

  return {
    run,
    async close() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}
