import path from "node:path";
import { EngineHost } from "../../main/engines/engine-host";
import { DEFAULT_LIVENESS, type EngineLiveness } from "../../main/engines/engine-liveness";
import type { LlmGenerateInput, LlmMethods } from "../../main/engines/llm/methods";
import { createNodeLauncher } from "../../main/engines/node-launcher";
import { memoryLogger } from "../../main/engines/testing/engine-test-support";
import { LLM_BENCH, median, rate, type RunTiming } from "./bench-config";
import { openInProcessLlm } from "./llm-in-process";

/** A heartbeat that never beats within a run: the engine process as it was before heartbeats. */
const NO_HEARTBEAT: EngineLiveness = { heartbeatIntervalMs: 3_600_000, hangTimeoutMs: 7_200_000, cancelAckMs: 5_000 };
/** Fifty times the default rate, to show what the heartbeat would cost if it were made much denser. */
const DENSE_HEARTBEAT: EngineLiveness = { ...DEFAULT_LIVENESS, heartbeatIntervalMs: 20 };

const input: LlmGenerateInput = {
  load: { modelId: "bench", modelPath: LLM_BENCH.modelPath, sizeBytes: 0, gpuLayers: "auto", threads: LLM_BENCH.threads, contextSize: LLM_BENCH.contextSize },
  systemPrompt: LLM_BENCH.systemPrompt,
  messages: [{ role: "user", content: LLM_BENCH.prompt }],
  params: { temperature: LLM_BENCH.temperature, topP: LLM_BENCH.topP, topK: LLM_BENCH.topK, maxTokens: LLM_BENCH.maxTokens, seed: LLM_BENCH.seed },
};

/** The built LLM engine process, called through EngineHost as the chat service calls it. */
async function openEngineLlm(liveness: EngineLiveness): Promise<{ run(): Promise<RunTiming>; close(): Promise<void> }> {
  const logger = memoryLogger();
  const host = new EngineHost<LlmMethods>({ engine: "llm", launcher: createNodeLauncher(path.resolve("out/main"), logger), logger, liveness });
  return {
    async run() {
      let firstAt = 0;
      const startAt = performance.now();
      const output = await host.call("generate", input, {
        onEvent: () => {
          if (firstAt === 0) firstAt = performance.now();
        },
      });
      const endAt = performance.now();
      const tokens = output.stats.completionTokens;
      return { ttftMs: firstAt - startAt, tokensPerSecond: rate(tokens, firstAt, endAt), tokens };
    },
    close: () => host.stop(),
  };
}

/**
 * Chat tokens/s through the engine process with and without the heartbeat, against node-llama-cpp
 * in-process. Each round runs every side once, in a rotating order, and the ratios are taken within
 * a round before the median, so the load other processes put on a shared machine mostly cancels out.
 */
export async function benchHeartbeat(): Promise<void> {
  const names = ["in-process", "engine, no heartbeat", `engine, heartbeat ${DEFAULT_LIVENESS.heartbeatIntervalMs} ms`, `engine, heartbeat ${DENSE_HEARTBEAT.heartbeatIntervalMs} ms`] as const;
  const sides = [await openInProcessLlm(), await openEngineLlm(NO_HEARTBEAT), await openEngineLlm(DEFAULT_LIVENESS), await openEngineLlm(DENSE_HEARTBEAT)];
  for (const side of sides) await side.run(); // warm-up: every side loads the model
  const rounds: number[][] = [];
  for (let round = 0; round < LLM_BENCH.runs; round++) {
    const tps: number[] = [];
    for (let k = 0; k < sides.length; k++) {
      const index = (round + k) % sides.length;
      tps[index] = (await sides[index]?.run())?.tokensPerSecond ?? 0;
    }
    rounds.push(tps);
  }
  for (const side of sides) await side.close();

  const column = (index: number) => rounds.map((tps) => tps[index] ?? 0);
  const pairedRatio = (a: number, b: number) => median(rounds.map((tps) => (tps[a] ?? 0) / (tps[b] ?? 1)));
  console.log(`Heartbeat cost on chat (stories260K, threads ${LLM_BENCH.threads}, ${LLM_BENCH.maxTokens} max tokens, ${LLM_BENCH.runs} rounds, medians)`);
  names.forEach((name, index) => console.log(`  ${name.padEnd(26)} ${median(column(index)).toFixed(0)} tokens/s`));
  const [inProcess, without, withDefault, withDense] = [0, 1, 2, 3] as const; // indexes into `names`
  const ratio = pairedRatio(withDefault, inProcess);
  console.log(`  with heartbeat / without    ${pairedRatio(withDefault, without).toFixed(3)} (every ${DENSE_HEARTBEAT.heartbeatIntervalMs} ms: ${pairedRatio(withDense, without).toFixed(3)})`);
  console.log(`  without heartbeat / in-process ${pairedRatio(without, inProcess).toFixed(3)}`);
  console.log(`  with heartbeat / in-process ${ratio.toFixed(3)} (target >= 0.97) ${ratio >= 0.97 ? "PASS" : "MISS"}`);
}
