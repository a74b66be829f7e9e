import type { StateCreator } from "zustand";
import { DEFAULT_GENERATION_PARAMS, type Conversation, type ConversationSummary, type GenerationParams } from "../../../shared/chat";
import type { AppState } from "./app-state";

/** Settings for the conversation that the first send will create. */
export interface ChatDraft {
  modelId: string | null;
  systemPrompt: string;
  params: GenerationParams;
}

export interface ChatSlice {
  summaries: ConversationSummary[];
  conversations: Record<string, Conversation>;
  activeConversationId: string | null;
  draft: ChatDraft;
  /** Reply text streamed so far, by message id: a token touches this small map, never the lists. */
  streamingText: Record<string, string>;
  /** The job writing each reply, by assistant message id, so Stop can cancel it. */
  replyJobs: Record<string, string>;
  setSummaries(summaries: ConversationSummary[]): void;
  putConversation(conversation: Conversation): void;
  removeConversation(id: string): void;
  selectConversation(id: string | null): void;
  setDraft(patch: Partial<ChatDraft>): void;
  appendDelta(messageId: string, jobId: string, text: string): void;
  trackReply(messageId: string, jobId: string): void;
}

export function summaryOf(conversation: Conversation): ConversationSummary {
  const { id, title, modelId, createdAt, updatedAt } = conversation;
  return { id, title, modelId, createdAt, updatedAt, messageCount: conversation.messages.length };
}

function newestFirst(list: ConversationSummary[]): ConversationSummary[] {
  return [...list].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** A snapshot ends streaming for finished replies; for live ones keep whichever text is further along. */
function reconcileStreaming(streaming: Record<string, string>, conversation: Conversation): Record<string, string> {
  let next = streaming;
  for (const message of conversation.messages) {
    const streamed = streaming[message.id];
    if (message.status === "streaming") {
      if (streamed === undefined || message.content.length > streamed.length) next = { ...next, [message.id]: message.content };
    } else if (streamed !== undefined) {
      next = { ...next };
      delete next[message.id];
    }
  }
  return next;
}

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set) => ({
  summaries: [],
  conversations: {},
  activeConversationId: null,
  draft: { modelId: null, systemPrompt: "", params: DEFAULT_GENERATION_PARAMS },
  streamingText: {},
  replyJobs: {},
  setSummaries: (summaries) => set({ summaries: newestFirst(summaries) }),
  putConversation: (conversation) =>
    set((state) => ({
      conversations: { ...state.conversations, [conversation.id]: conversation },
      summaries: newestFirst([...state.summaries.filter((s) => s.id !== conversation.id), summaryOf(conversation)]),
      streamingText: reconcileStreaming(state.streamingText, conversation),
    })),
  removeConversation: (id) =>
    set((state) => {
      const conversations = { ...state.conversations };
      delete conversations[id];
      return {
        conversations,
        summaries: state.summaries.filter((s) => s.id !== id),
        activeConversationId: state.activeConversationId === id ? null : state.activeConversationId,
      };
    }),
  selectConversation: (id) => set({ activeConversationId: id }),
  setDraft: (patch) => set((state) => ({ draft: { ...state.draft, ...patch } })),
  appendDelta: (messageId, jobId, text) =>
    set((state) => ({
      streamingText: { ...state.streamingText, [messageId]: (state.streamingText[messageId] ?? "") + text },
      replyJobs: state.replyJobs[messageId] === jobId ? state.replyJobs : { ...state.replyJobs, [messageId]: jobId },
    })),
  trackReply: (messageId, jobId) => set((state) => ({ replyJobs: { ...state.replyJobs, [messageId]: jobId } })),
});
