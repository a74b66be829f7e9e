import { mkdir, readdir, rm } from "node:fs/promises";
import { conversationSchema, type Conversation, type ConversationSummary } from "../../shared/chat";
import { AppError } from "../../shared/errors";
import { ID_PATTERN } from "../../shared/ids";
import { readJsonFile, writeJsonAtomic } from "../fs/atomic-json";
import { resolveInside } from "../fs/inside";
import type { Logger } from "../log/types";
import { settleInterruptedReplies } from "./chat-tree";

/**
 * One JSON file per conversation in `<data>/chats/<id>.json`, all held in memory after
 * the first read. Changes to one conversation run one after another, so a reply
 * finishing and a rename never overwrite each other.
 */
export class ChatStore {
  private loaded: Promise<Map<string, Conversation>> | undefined;
  private readonly locks = new Map<string, Promise<unknown>>();
  /** Conversations whose newest version is only in memory because saving it failed. */
  private readonly unsaved = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {}

  async summaries(): Promise<ConversationSummary[]> {
    const all = [...(await this.all()).values()];
    return all
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map(({ id, title, modelId, messages, createdAt, updatedAt }) => ({
        id,
        title,
        modelId,
        messageCount: messages.length,
        createdAt,
        updatedAt,
      }));
  }

  async get(id: string): Promise<Conversation> {
    const conversation = (await this.all()).get(id);
    if (!conversation) throw new AppError("NOT_FOUND", `There is no conversation ${id}.`);
    return conversation;
  }

  async create(conversation: Conversation): Promise<Conversation> {
    const all = await this.all();
    if (all.has(conversation.id)) throw new AppError("INVALID_INPUT", `Conversation ${conversation.id} already exists.`);
    return this.exclusive(conversation.id, async () => {
      await this.save(conversation);
      return conversation;
    });
  }

  /** Applies `change` to the newest version and saves the result; a failed save changes nothing. */
  async update(id: string, change: (conversation: Conversation) => Conversation): Promise<Conversation> {
    return this.exclusive(id, async () => {
      const next = change(await this.get(id));
      await this.save(next);
      return next;
    });
  }

  /**
   * Like update, but when the save fails the change is still kept in memory (and the error
   * thrown): a finished reply must not vanish because the disk filled up while it streamed.
   * The conversation's next successful save, or flushUnsaved, writes it.
   */
  async updateKeepingUnsaved(id: string, change: (conversation: Conversation) => Conversation): Promise<Conversation> {
    return this.exclusive(id, async () => {
      const next = change(await this.get(id));
      try {
        await this.save(next);
      } catch (error) {
        (await this.all()).set(id, next);
        this.unsaved.add(id);
        throw error;
      }
      return next;
    });
  }

  /** Tries again to save conversations whose last save failed (at shutdown). */
  async flushUnsaved(): Promise<void> {
    for (const id of [...this.unsaved]) {
      await this.exclusive(id, async () => {
        const conversation = (await this.all()).get(id);
        if (conversation) await this.save(conversation);
      }).catch((error: unknown) => this.logger.log("error", "chats", `Conversation ${id} is still not saved`, { error }));
    }
  }

  private async save(conversation: Conversation): Promise<void> {
    await writeJsonAtomic(this.fileOf(conversation.id), conversation);
    (await this.all()).set(conversation.id, conversation);
    this.unsaved.delete(conversation.id);
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.exclusive(id, async () => {
      await rm(this.fileOf(id), { force: true });
      (await this.all()).delete(id);
      this.unsaved.delete(id);
    });
  }

  private fileOf(id: string): string {
    return resolveInside(this.dir, `${id}.json`);
  }

  private exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(id) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.locks.set(id, tail);
    void tail.then(() => {
      if (this.locks.get(id) === tail) this.locks.delete(id);
    });
    return result;
  }

  private all(): Promise<Map<string, Conversation>> {
    this.loaded ??= this.readAll();
    return this.loaded;
  }

  private async readAll(): Promise<Map<string, Conversation>> {
    await mkdir(this.dir, { recursive: true });
    const conversations = new Map<string, Conversation>();
    for (const name of await readdir(this.dir)) {
      const id = name.endsWith(".json") ? name.slice(0, -".json".length) : "";
      if (!ID_PATTERN.test(id) || id.includes("..")) continue;
      const read = await readJsonFile(this.fileOf(id), conversationSchema, this.logger);
      if (read.kind !== "ok") continue;
      if (read.value.id !== id) {
        this.logger.log("warn", "chats", `Skipped ${name}: its id does not match its file name`);
        continue;
      }
      conversations.set(id, settleInterruptedReplies(read.value));
    }
    return conversations;
  }
}
