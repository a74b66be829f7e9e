import type { GenerationParams, ReplyStats } from "../../../shared/chat";
import type { LoadedModel } from "../../../shared/models";
import type { CacheMethods, EngineCacheConfig } from "../cache-methods";
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

export type LlmCacheConfig = EngineCacheConfig;

/** The GPU as llama.cpp sees it; VRAM is for all devices together. */
export interface LlmHardware {
  gpu: "cuda" | "vulkan" | "metal" | false;
  deviceNames: string[];
  vramTotalBytes: number;
  vramFreeBytes: number;
}

export interface LlmFitInput {
  modelPath: string;
  contextSize: number;
  gpuLayers: LlmLoadOptions["gpuLayers"];
}

/** What loading a GGUF with a context would take here, from node-llama-cpp's insights. */
export interface LlmFitOutput {
  gpuLayers: number;
  totalLayers: number;
  ramBytes: number;
  vramBytes: number;
  /** The VRAM the engine would let the model use (budget, or 90% of free). */
  vramBudgetBytes: number;
  gpu: LlmHardware["gpu"];
}

/** Streaming text, coalesced: append `text`. */
export interface LlmDelta {
  text: string;
}

export type LlmMethods = {
  generate: EngineMethod<LlmGenerateInput, LlmGenerateOutput, LlmDelta>;
  hardware: EngineMethod<Record<string, never>, LlmHardware>;
  fit: EngineMethod<LlmFitInput, LlmFitOutput>;
  /** Loads (or keeps) a model with its context, as `generate` would; answers what was really loaded. */
  load: EngineMethod<LlmLoadOptions, LoadedModel>;
} & CacheMethods;
