import type { ChatHistoryItem, ChatWrapper, LlamaModel } from "node-llama-cpp";
import { AppError } from "../../../shared/errors";
import type { LlmChatTurn } from "./methods";

/** The conversation before the message being answered, in node-llama-cpp's history form. */
export function toChatHistory(systemPrompt: string, earlierTurns: readonly LlmChatTurn[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = systemPrompt ? [{ type: "system", text: systemPrompt }] : [];
  for (const turn of earlierTurns) {
    history.push(turn.role === "user" ? { type: "user", text: turn.content } : { type: "model", response: [turn.content] });
  }
  return history;
}

/**
 * Counts the prompt's tokens as the model's chat template renders it, and refuses a
 * prompt that does not fit. node-llama-cpp would otherwise silently drop the oldest turns
 * (its context shift keeps a tenth of the context free), so the same margin is kept here
 * and the user is told instead.
 */
export function countPromptTokens(
  model: LlamaModel,
  chatWrapper: ChatWrapper,
  history: readonly ChatHistoryItem[],
  userMessage: string,
  contextSize: number,
): number {
  const { contextText } = chatWrapper.generateContextState({
    chatHistory: [...history, { type: "user", text: userMessage }, { type: "model", response: [] }],
  });
  const promptTokens = contextText.tokenize(model.tokenizer).length;
  const usable = contextSize - Math.max(1, Math.floor(contextSize / 10));
  if (promptTokens > usable) {
    throw new AppError(
      "INVALID_INPUT",
      `This chat is ${promptTokens} tokens long, but a context of ${contextSize} tokens leaves room for ${usable}. ` +
        "Raise the context size in the chat settings, or shorten the chat or the message.",
      { promptTokens, contextSize },
    );
  }
  return promptTokens;
}
