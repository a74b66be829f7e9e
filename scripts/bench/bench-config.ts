import path from "node:path";

/** One workload, used identically by both sides of the LLM benchmark. */
export const LLM_BENCH = {
  modelPath: path.resolve("../shared/models/llm/stories260K.gguf"),
  threads: 1,
  contextSize: 2048,
  systemPrompt: "You are a storyteller.",
  prompt: "Tell me a story about a cat.",
  maxTokens: 600,
  temperature: 0.8,
  topP: 0.95,
  topK: 40,
  seed: 42,
  runs: 15,
} as const;

export interface RunTiming {
  /** From the request to the first token, ms. */
  ttftMs: number;
  /** Generated tokens after the first, per second of generation. */
  tokensPerSecond: number;
  tokens: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function rate(tokens: number, firstAt: number, endAt: number): number {
  const seconds = (endAt - firstAt) / 1000;
  return seconds > 0 ? (tokens - 1) / seconds : 0;
}
