import { readGgufFileInfo } from "node-llama-cpp";

export interface GgufSummary {
  architecture: string;
  contextLength?: number;
  hasChatTemplate: boolean;
}

/** Large arrays nobody here needs; skipping them keeps discovery fast on big vocabularies. */
const SKIPPED_KEYS = ["tokenizer.ggml.tokens", "tokenizer.ggml.scores", "tokenizer.ggml.token_type", "tokenizer.ggml.merges"];

/**
 * Reads a GGUF header (pure JS, no native code): architecture, trained context length
 * and whether a chat template is embedded. Throws when the file is not a usable GGUF.
 */
export async function readGgufSummary(file: string): Promise<GgufSummary> {
  const info = await readGgufFileInfo(file, {
    sourceType: "filesystem",
    readTensorInfo: false,
    logWarnings: false,
    ignoreKeys: SKIPPED_KEYS,
  });
  const architecture = info.metadata.general?.architecture;
  if (typeof architecture !== "string" || architecture.length === 0) {
    throw new Error("the GGUF header names no architecture (truncated or not a model file)");
  }
  const contextLength = info.architectureMetadata.context_length;
  return {
    architecture,
    contextLength: typeof contextLength === "number" && Number.isInteger(contextLength) && contextLength > 0 ? contextLength : undefined,
    hasChatTemplate: typeof info.metadata.tokenizer?.chat_template === "string",
  };
}
