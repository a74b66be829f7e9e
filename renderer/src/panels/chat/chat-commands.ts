import type { ApiClient } from "../../../../shared/api";
import type { Conversation, GenerationParams } from "../../../../shared/chat";
import { AppError } from "../../../../shared/errors";
import type { AppStore } from "../../store/app-state";
import { lastMessage } from "./thread";

/** What the chat panel asks of the host; each keeps the store in step with the answer. */
export interface ChatSettingsPatch {
  modelId?: string | null;
  systemPrompt?: string;
  params?: GenerationParams;
}

function activeConversation(store: AppStore): Conversation | undefined {
  const { activeConversationId, conversations } = store.getState();
  return activeConversationId ? conversations[activeConversationId] : undefined;
}

async function ensureFresh(api: ApiClient, store: AppStore, conversationId: string, messageId: string): Promise<void> {
  // chat.updated normally arrives first; fetch only if it has not.
  const known = store.getState().conversations[conversationId];
  if (!known?.messages.some((m) => m.id === messageId)) store.getState().putConversation(await api.chat.get({ id: conversationId }));
}

/** Sends a message, creating the conversation from the draft on the first send. */
export async function sendMessage(api: ApiClient, store: AppStore, content: string): Promise<void> {
  const state = store.getState();
  const current = activeConversation(store);
  const modelId = current ? current.modelId : state.draft.modelId;
  if (!modelId) throw new AppError("INVALID_INPUT", "Choose a model in “Model” before sending.");
  if (!content.trim()) throw new AppError("INVALID_INPUT", "Write a message first.");
  let conversationId = current?.id;
  if (!conversationId) {
    const { systemPrompt, params } = state.draft;
    // No title: the host names a new conversation after its first message.
    const created = await api.chat.create({ modelId, systemPrompt, params });
    state.putConversation(created);
    state.selectConversation(created.id);
    conversationId = created.id;
  }
  const reply = await api.chat.send({ conversationId, content });
  store.getState().trackReply(reply.assistantMessageId, reply.jobId);
  await ensureFresh(api, store, conversationId, reply.assistantMessageId);
}

export async function stopReply(api: ApiClient, store: AppStore): Promise<void> {
  const last = lastMessage(activeConversation(store));
  const jobId = last ? store.getState().replyJobs[last.id] : undefined;
  if (!jobId) throw new AppError("NOT_FOUND", "There is no reply being written to stop.");
  store.getState().putJob(await api.jobs.cancel({ id: jobId }));
}

export async function regenerateReply(api: ApiClient, store: AppStore): Promise<void> {
  const conversation = activeConversation(store);
  const last = lastMessage(conversation);
  if (!conversation || last?.role !== "assistant") throw new AppError("INVALID_INPUT", "There is no reply to regenerate yet.");
  const reply = await api.chat.regenerate({ conversationId: conversation.id, messageId: last.id });
  store.getState().trackReply(reply.assistantMessageId, reply.jobId);
  await ensureFresh(api, store, conversation.id, reply.assistantMessageId);
}

export async function editMessage(api: ApiClient, store: AppStore, messageId: string, content: string): Promise<void> {
  const conversation = activeConversation(store);
  if (!conversation) throw new AppError("NOT_FOUND", "That conversation is no longer open.");
  const reply = await api.chat.edit({ conversationId: conversation.id, messageId, content });
  store.getState().trackReply(reply.assistantMessageId, reply.jobId);
  await ensureFresh(api, store, conversation.id, reply.assistantMessageId);
}

export async function selectBranch(api: ApiClient, store: AppStore, messageId: string): Promise<void> {
  const conversation = activeConversation(store);
  if (!conversation) return;
  store.getState().putConversation(await api.chat.selectBranch({ conversationId: conversation.id, messageId }));
}

/** Model, system prompt and parameters: saved on the open conversation, or kept for the next new one. */
export async function updateChatSettings(api: ApiClient, store: AppStore, patch: ChatSettingsPatch): Promise<void> {
  const conversation = activeConversation(store);
  if (!conversation) {
    store.getState().setDraft(patch);
    return;
  }
  store.getState().putConversation(await api.chat.update({ id: conversation.id, ...patch }));
}

export async function openConversation(api: ApiClient, store: AppStore, id: string): Promise<void> {
  store.getState().selectConversation(id);
  store.getState().putConversation(await api.chat.get({ id }));
}

/** A blank conversation that keeps the current model and settings. */
export function startNewConversation(store: AppStore): void {
  const current = activeConversation(store);
  if (current) store.getState().setDraft({ modelId: current.modelId, systemPrompt: current.systemPrompt, params: current.params });
  store.getState().selectConversation(null);
}
