import { randomInt } from "node:crypto";
import type { ChatMessage, Conversation } from "../../shared/chat";
import { AppError, toAppErrorShape } from "../../shared/errors";
import type { ModelInfo } from "../../shared/models";
import type { Settings } from "../../shared/settings";
import type { LlmGenerateInput, LlmGenerateOutput, LlmMethods } from "../engines/llm/methods";
import type { EngineClient } from "../engines/protocol";
import type { EventBus } from "../events/bus";
import type { JobContext, JobQueue } from "../jobs/job-queue";
import type { Logger } from "../log/types";
import type { MemoryBroker } from "../models/memory-broker";
import { DEFAULT_TITLE } from "./chat-service";
import type { ChatStore } from "./chat-store";
import { message, titleFrom, turnsOf } from "./chat-messages";
import { appendEdit, appendRegeneration, appendTurn, branchTo, requireMessage, updateMessage } from "./chat-tree";

export interface ChatGenerationOptions {
  store: ChatStore;
  events: EventBus;
  jobs: JobQueue;
  llm: Pick<EngineClient<LlmMethods>, "call">;
  memory: Pick<MemoryBroker, "makeRoom">;
  getModel: (id: string) => Promise<ModelInfo>;
  settings: () => Settings;
  logger: Logger;
}

export interface ReplyStarted {
  jobId: string;
  assistantMessageId: string;
}

/** Starting replies (send, regenerate, edit) and running each one as a `chat.generate` job. */
export class ChatGeneration {
  /** Running or queued reply jobs per conversation, to stop them when it is deleted. */
  private readonly jobsByConversation = new Map<string, Set<string>>();

  constructor(private readonly options: ChatGenerationOptions) {}

  async send(conversationId: string, content: string): Promise<ReplyStarted & { userMessageId: string }> {
    const user = message("user", content);
    const reply = message("assistant", "");
    const started = await this.start(conversationId, reply.id, user.id, (conversation, now) => {
      const next = appendTurn(conversation, user, reply, now);
      const untitled = conversation.messages.length === 0 && conversation.title === DEFAULT_TITLE;
      return untitled ? { ...next, title: titleFrom(content) } : next;
    });
    return { ...started, userMessageId: user.id };
  }

  regenerate(conversationId: string, replyId: string): Promise<ReplyStarted> {
    const reply = message("assistant", "");
    return this.start(conversationId, reply.id, undefined, (conversation, now) =>
      appendRegeneration(conversation, replyId, reply, now),
    );
  }

  async edit(conversationId: string, userMessageId: string, content: string): Promise<ReplyStarted & { userMessageId: string }> {
    const user = message("user", content);
    const reply = message("assistant", "");
    const started = await this.start(conversationId, reply.id, user.id, (conversation, now) =>
      appendEdit(conversation, userMessageId, user, reply, now),
    );
    return { ...started, userMessageId: user.id };
  }

  /** Cancels every reply of a conversation (before it is deleted). */
  cancelAll(conversationId: string): void {
    for (const jobId of this.jobsByConversation.get(conversationId) ?? []) {
      if (this.options.jobs.has(jobId)) this.options.jobs.cancel(jobId);
    }
  }

  private async start(
    conversationId: string,
    replyId: string,
    userId: string | undefined,
    change: (conversation: Conversation, now: number) => Conversation,
  ): Promise<ReplyStarted> {
    const { store, events, jobs } = this.options;
    const before = await store.get(conversationId);
    change(before, Date.now()); // a dry run: unknown or unsuitable messages fail before anything changes
    if (before.modelId === null) {
      throw new AppError("INVALID_INPUT", "Pick a model for this conversation first (the Model menu above the chat).");
    }
    const model = await this.options.getModel(before.modelId);
    const conversation = await store.update(conversationId, (current) => change(current, Date.now()));
    events.emit("chat.updated", { conversation });
    const answering = userId ?? requireMessage(conversation, replyId).parentId ?? "";
    const job = jobs.enqueue({
      kind: "chat.generate",
      engine: "llm",
      title: `Reply in “${conversation.title}”`,
      run: (ctx) => this.generate(ctx, { conversationId, replyId, answering, model }),
    });
    this.track(conversationId, job.id);
    await jobs.persisted([job.id]);
    return { jobId: job.id, assistantMessageId: replyId };
  }

  private async generate(
    ctx: JobContext,
    target: { conversationId: string; replyId: string; answering: string; model: ModelInfo },
  ): Promise<{ conversationId: string; messageId: string }> {
    const { conversationId, replyId, model } = target;
    let text = "";
    const { jobId } = ctx;
    let output: LlmGenerateOutput;
    try {
      // Read at run time: a reply queued behind another sees that reply's final text.
      const conversation = await this.options.store.get(conversationId);
      const input = this.generateInput(conversation, target.answering, model);
      await this.options.memory.makeRoom("llm", [model.id]);
      output = await this.options.llm.call("generate", input, {
        signal: ctx.signal,
        onEvent: (delta) => {
          text += delta.text;
          this.options.events.emit("chat.delta", { jobId, conversationId, messageId: replyId, text: delta.text });
        },
      });
    } catch (error) {
      const shape = toAppErrorShape(error);
      const stopped = ctx.signal.aborted || shape.code === "CANCELLED";
      // The engine's error is the one to report; a save that also fails is logged by finish.
      await this.finish(conversationId, replyId, stopped
        ? { content: text, status: "stopped", modelId: model.id }
        : { content: text, status: "error", error: shape.message, modelId: model.id }).catch(() => undefined);
      throw error;
    }
    await this.finish(conversationId, replyId, { content: output.text, status: "complete", stats: output.stats, modelId: model.id });
    return { conversationId, messageId: replyId };
  }

  private generateInput(conversation: Conversation, answering: string, model: ModelInfo): LlmGenerateInput {
    const { llm } = this.options.settings();
    const { contextSize, seed, ...params } = conversation.params;
    return {
      load: { modelId: model.id, modelPath: model.path, sizeBytes: model.sizeBytes, gpuLayers: llm.gpuLayers, threads: llm.threads, contextSize },
      systemPrompt: conversation.systemPrompt,
      messages: turnsOf(branchTo(conversation.messages, answering)),
      params: { ...params, seed: seed ?? randomInt(0, 2 ** 32 - 1) },
    };
  }

  /**
   * Saves the reply's final state. When the save fails (a full disk) the reply stays in memory,
   * marked as not saved, the chat still shows it, and the error fails the job: a reply that is
   * lost on disk never reports success.
   */
  private async finish(conversationId: string, replyId: string, patch: Partial<ChatMessage>): Promise<void> {
    const { store, events, logger } = this.options;
    try {
      const conversation = await store.update(conversationId, (current) => updateMessage(current, replyId, patch, Date.now()));
      events.emit("chat.updated", { conversation });
    } catch (error) {
      if (toAppErrorShape(error).code === "NOT_FOUND") {
        logger.log("info", "chats", "A reply finished for a conversation that was deleted", { conversationId });
        return;
      }
      logger.log("error", "chats", "A finished reply could not be saved", { conversationId, error });
      const unsaved = { ...patch, status: "error" as const, error: `Not saved: ${toAppErrorShape(error).message}` };
      const kept = await store
        .updateKeepingUnsaved(conversationId, (current) => updateMessage(current, replyId, unsaved, Date.now()))
        .catch(() => store.get(conversationId));
      events.emit("chat.updated", { conversation: kept });
      throw error;
    }
  }

  private track(conversationId: string, jobId: string): void {
    const set = this.jobsByConversation.get(conversationId) ?? new Set<string>();
    set.add(jobId);
    this.jobsByConversation.set(conversationId, set);
    void this.options.jobs.whenFinished(jobId).then(() => {
      set.delete(jobId);
      if (set.size === 0 && this.jobsByConversation.get(conversationId) === set) this.jobsByConversation.delete(conversationId);
    });
  }
}
