import {
  DEFAULT_GENERATION_PARAMS,
  generationParamsSchema,
  type Conversation,
  type ConversationSummary,
  type GenerationParams,
} from "../../shared/chat";
import type { ParsedRequestOf } from "../../shared/contract";
import type { EventBus } from "../events/bus";
import { exportJson, exportMarkdown, type ExportedFile } from "./chat-export";
import type { ChatStore } from "./chat-store";
import { selectBranch } from "./chat-tree";
import { newId } from "./new-id";

export const DEFAULT_TITLE = "New conversation";

export interface ChatServiceOptions {
  store: ChatStore;
  events: EventBus;
  /** Throws NOT_FOUND for a model that is not installed. */
  requireModel: (id: string) => Promise<unknown>;
  /** Called before a conversation is deleted, to stop its replies. */
  beforeDelete: (id: string) => void;
}

/** Conversations: list, open, create, rename and configure, delete, export, switch branch. */
export class ChatService {
  constructor(private readonly options: ChatServiceOptions) {}

  list(): Promise<ConversationSummary[]> {
    return this.options.store.summaries();
  }

  get(id: string): Promise<Conversation> {
    return this.options.store.get(id);
  }

  async create(request: ParsedRequestOf<"chat.create">): Promise<Conversation> {
    if (request.modelId) await this.options.requireModel(request.modelId);
    const now = Date.now();
    const conversation: Conversation = {
      id: newId("c"),
      title: request.title ?? DEFAULT_TITLE,
      modelId: request.modelId ?? null,
      systemPrompt: request.systemPrompt ?? "",
      params: mergeParams(DEFAULT_GENERATION_PARAMS, request.params),
      messages: [],
      activeLeafId: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.publish(await this.options.store.create(conversation));
  }

  async update(request: ParsedRequestOf<"chat.update">): Promise<Conversation> {
    if (request.modelId) await this.options.requireModel(request.modelId);
    const updated = await this.options.store.update(request.id, (conversation) => ({
      ...conversation,
      title: request.title ?? conversation.title,
      modelId: request.modelId === undefined ? conversation.modelId : request.modelId,
      systemPrompt: request.systemPrompt ?? conversation.systemPrompt,
      params: mergeParams(conversation.params, request.params),
      updatedAt: Date.now(),
    }));
    return this.publish(updated);
  }

  async delete(id: string): Promise<void> {
    await this.options.store.get(id);
    this.options.beforeDelete(id);
    await this.options.store.delete(id);
    this.options.events.emit("chat.deleted", { id });
  }

  async export(id: string, format: "markdown" | "json"): Promise<ExportedFile> {
    const conversation = await this.options.store.get(id);
    return format === "markdown" ? exportMarkdown(conversation) : exportJson(conversation);
  }

  async selectBranch(conversationId: string, messageId: string): Promise<Conversation> {
    const updated = await this.options.store.update(conversationId, (conversation) => selectBranch(conversation, messageId));
    return this.publish(updated);
  }

  private publish(conversation: Conversation): Conversation {
    this.options.events.emit("chat.updated", { conversation });
    return conversation;
  }
}

function mergeParams(base: GenerationParams, patch: Partial<GenerationParams> | undefined): GenerationParams {
  return generationParamsSchema.parse({ ...base, ...patch });
}
