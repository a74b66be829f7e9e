import { LLM_BENCH, median, type RunTiming } from "./bench-config";
import { openInProcessLlm } from "./llm-in-process";
import { openStackLlm } from "./llm-stack";

/** Chat through the whole stack against node-llama-cpp in-process, alternating runs. */
export async function benchLlm(): Promise<void> {
  const inProcess = await openInProcessLlm();
  const stack = await openStackLlm();
  await inProcess.run();
  await stack.run();
  const base: RunTiming[] = [];
  const full: RunTiming[] = [];
  for (let i = 0; i < LLM_BENCH.runs; i++) {
    base.push(await inProcess.run());
    full.push(await stack.run());
  }
  await stack.close();
  await inProcess.close();

  const baseTps = median(base.map((r) => r.tokensPerSecond));
  const fullTps = median(full.map((r) => r.tokensPerSecond));
  const baseTtft = median(base.map((r) => r.ttftMs));
  const fullTtft = median(full.map((r) => r.ttftMs));
  console.log(`LLM (stories260K, threads ${LLM_BENCH.threads}, ${LLM_BENCH.maxTokens} max tokens, ${LLM_BENCH.runs} runs, medians)`);
  console.log(`  in-process   ${baseTps.toFixed(0)} tokens/s, first token ${baseTtft.toFixed(1)} ms, ${median(base.map((r) => r.tokens))} tokens`);
  console.log(`  whole stack  ${fullTps.toFixed(0)} tokens/s, first token ${fullTtft.toFixed(1)} ms, ${median(full.map((r) => r.tokens))} tokens`);
  const ratio = fullTps / baseTps;
  const extra = fullTtft - baseTtft;
  console.log(`  tokens/s ratio ${ratio.toFixed(3)} (target >= 0.97) ${ratio >= 0.97 ? "PASS" : "MISS"}`);
  console.log(`  extra time to first token ${extra.toFixed(1)} ms (target <= 20 ms) ${extra <= 20 ? "PASS" : "MISS"}`);
}
