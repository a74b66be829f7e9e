import type { GenerationParams, ReplyStats } from "../../../shared/chat";
import type { LoadedModel } from "../../../shared/models";
import type { EngineMethod } from "../protocol";

export interface LlmLoadOptions {
  modelId: string;
  modelPath: string;
  /** Size of the file on disk, for the memory budget before load. */
  sizeBytes: number;
  gpuLayers: "auto" | "max" | number;
  /** 0 = choose from model size and cores. */
  threads: number;
  contextSize: number;
}

export interface LlmChatTurn {
  role: "user" | "assistant";
  content: string;
}

export interface LlmGenerateInput {
  load: LlmLoadOptions;
  systemPrompt: string;
  /** The whole branch, ending with the user message to answer. */
  messages: LlmChatTurn[];
  params: Omit<GenerationParams, "contextSize"> & { seed: number };
}

export interface LlmGenerateOutput {
  text: string;
  stats: ReplyStats;
  /** Why generation ended. */
  stopReason: "eos" | "maxTokens" | "abort";
  /** The chat wrapper node-llama-cpp resolved for the model, e.g. "ChatML" or "Llama2Chat". */
  templateName: string;
}

export interface LlmCacheConfig {
  budgetBytes: number;
  idleUnloadMs: number;
}

/** Streaming text, coalesced: append `text`. */
export interface LlmDelta {
  text: string;
}

export type LlmMethods = {
  generate: EngineMethod<LlmGenerateInput, LlmGenerateOutput, LlmDelta>;
  unload: EngineMethod<{ modelId: string }, { unloaded: boolean }>;
  loaded: EngineMethod<Record<string, never>, LoadedModel[]>;
  configure: EngineMethod<LlmCacheConfig, { ok: true }>;
};
