import { LlamaChatSession } from "node-llama-cpp";
import { AppError } from "../../../shared/errors";
import type { HandlerContext } from "../worker-runtime";
import { countPromptTokens, toChatHistory } from "./chat-prompt";
import { DeltaCoalescer } from "./delta-coalescer";
import type { LoadedLlm } from "./llm-models";
import type { LlmDelta, LlmGenerateInput, LlmGenerateOutput } from "./methods";

type NodeLlamaStopReason = "eogToken" | "stopGenerationTrigger" | "customStopTrigger" | "functionCalls" | "maxTokens" | "abort";

function toStopReason(reason: NodeLlamaStopReason): LlmGenerateOutput["stopReason"] {
  return reason === "maxTokens" || reason === "abort" ? reason : "eos";
}

/**
 * Answers the last user message with the model's own chat template (node-llama-cpp
 * resolves the chat wrapper from the GGUF). Aborting keeps the text so far and ends
 * with stopReason "abort".
 */
export async function generateReply(
  loaded: LoadedLlm,
  input: LlmGenerateInput,
  { signal, emit }: HandlerContext<LlmDelta>,
): Promise<LlmGenerateOutput> {
  const earlier = input.messages.slice(0, -1);
  const userMessage = input.messages.at(-1)?.content ?? "";
  const session = new LlamaChatSession({ contextSequence: loaded.sequence, autoDisposeSequence: false });
  const coalescer = new DeltaCoalescer(emit);
  try {
    const history = toChatHistory(input.systemPrompt, earlier);
    session.setChatHistory(history);
    const promptTokens = countPromptTokens(loaded.model, session.chatWrapper, history, userMessage, loaded.context.contextSize);

    // Timed from the prompt, once the model is loaded: load time is not the model's speed.
    const startedAt = performance.now();
    let firstTokenAt: number | undefined;
    let completionTokens = 0;
    const result = await session.promptWithMeta(userMessage, {
      signal,
      stopOnAbortSignal: true,
      maxTokens: input.params.maxTokens,
      temperature: input.params.temperature,
      topP: input.params.topP,
      topK: input.params.topK,
      seed: input.params.seed,
      onToken: (tokens) => {
        firstTokenAt ??= performance.now();
        completionTokens += tokens.length;
      },
      onTextChunk: (text) => coalescer.push(text),
    });
    coalescer.flush();
    const endedAt = performance.now();
    const generatingSeconds = (endedAt - (firstTokenAt ?? endedAt)) / 1000;
    return {
      text: result.responseText,
      stopReason: toStopReason(result.stopReason),
      templateName: session.chatWrapper.wrapperName,
      stats: {
        promptTokens,
        completionTokens,
        timeToFirstTokenMs: (firstTokenAt ?? endedAt) - startedAt,
        // Tokens after the first, over the time after the first: prompt processing is in timeToFirstTokenMs.
        tokensPerSecond: completionTokens > 1 && generatingSeconds > 0 ? (completionTokens - 1) / generatingSeconds : 0,
        durationMs: endedAt - startedAt,
      },
    };
  } catch (error) {
    if (signal.aborted) throw new AppError("CANCELLED", "Cancelled before the reply started.");
    if (error instanceof AppError) throw error;
    throw new AppError("INTERNAL", `Generation failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    coalescer.flush();
    session.dispose({ disposeSequence: false });
  }
}
