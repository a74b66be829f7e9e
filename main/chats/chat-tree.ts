import { AppError } from "../../shared/errors";
import type { ChatMessage, Conversation } from "../../shared/chat";

/**
 * The conversation tree, as pure functions: every message points at its parent, edits and
 * regenerations add siblings, and `activeLeafId` marks the branch on screen. Array order
 * is creation order, so a later index means a newer message.
 */

export function requireMessage(conversation: Conversation, id: string): ChatMessage {
  const message = conversation.messages.find((m) => m.id === id);
  if (!message) throw new AppError("NOT_FOUND", `This conversation has no message ${id}.`);
  return message;
}

/** Root → `leafId`, following parents (a broken or cyclic chain stops where it breaks). */
export function branchTo(messages: readonly ChatMessage[], leafId: string | null): ChatMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const branch: ChatMessage[] = [];
  const seen = new Set<string>();
  let current = leafId === null ? undefined : byId.get(leafId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    branch.push(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return branch.reverse();
}

export function activeBranch(conversation: Conversation): ChatMessage[] {
  return branchTo(conversation.messages, conversation.activeLeafId);
}

/** Messages sharing `message`'s parent, oldest first (including itself). */
export function siblingsOf(messages: readonly ChatMessage[], message: ChatMessage): ChatMessage[] {
  return messages.filter((m) => m.parentId === message.parentId);
}

/** The deepest descendant of `fromId` (itself when it has none); among equally deep ones, the newest. */
export function deepestNewestDescendant(messages: readonly ChatMessage[], fromId: string): string {
  const children = new Map<string, string[]>();
  for (const m of messages) {
    if (m.parentId === null) continue;
    children.set(m.parentId, [...(children.get(m.parentId) ?? []), m.id]);
  }
  const order = new Map(messages.map((m, index) => [m.id, index]));
  let best = { id: fromId, depth: 0 };
  const stack = [{ id: fromId, depth: 0 }];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || seen.has(node.id)) continue;
    seen.add(node.id);
    const newer = (order.get(node.id) ?? -1) > (order.get(best.id) ?? -1);
    if (node.depth > best.depth || (node.depth === best.depth && newer)) best = node;
    for (const child of children.get(node.id) ?? []) stack.push({ id: child, depth: node.depth + 1 });
  }
  return best.id;
}

/** Shows the branch through `messageId`. */
export function selectBranch(conversation: Conversation, messageId: string): Conversation {
  requireMessage(conversation, messageId);
  return { ...conversation, activeLeafId: deepestNewestDescendant(conversation.messages, messageId) };
}

function withAppended(conversation: Conversation, added: ChatMessage[], now: number): Conversation {
  const leaf = added.at(-1);
  return {
    ...conversation,
    messages: [...conversation.messages, ...added],
    activeLeafId: leaf ? leaf.id : conversation.activeLeafId,
    updatedAt: now,
  };
}

/** A user message under the active leaf, and an empty reply under it. */
export function appendTurn(conversation: Conversation, user: ChatMessage, reply: ChatMessage, now: number): Conversation {
  const parented = { ...user, parentId: conversation.activeLeafId };
  return withAppended(conversation, [parented, { ...reply, parentId: user.id }], now);
}

/** A new reply beside `replyId`, answering the same user message. */
export function appendRegeneration(conversation: Conversation, replyId: string, reply: ChatMessage, now: number): Conversation {
  const old = requireMessage(conversation, replyId);
  if (old.role !== "assistant" || old.parentId === null) {
    throw new AppError("INVALID_INPUT", "Only a reply can be regenerated; pick an assistant message.");
  }
  return withAppended(conversation, [{ ...reply, parentId: old.parentId }], now);
}

/** A new version of user message `userId` beside the old one (which stays reachable), and a reply to it. */
export function appendEdit(
  conversation: Conversation,
  userId: string,
  user: ChatMessage,
  reply: ChatMessage,
  now: number,
): Conversation {
  const old = requireMessage(conversation, userId);
  if (old.role !== "user") throw new AppError("INVALID_INPUT", "Only your own messages can be edited.");
  return withAppended(conversation, [{ ...user, parentId: old.parentId }, { ...reply, parentId: user.id }], now);
}

export function updateMessage(
  conversation: Conversation,
  id: string,
  patch: Partial<Omit<ChatMessage, "id" | "parentId" | "role">>,
  now: number,
): Conversation {
  requireMessage(conversation, id);
  return {
    ...conversation,
    messages: conversation.messages.map((m) => (m.id === id ? { ...m, ...patch } : m)),
    updatedAt: now,
  };
}

/** Replies still marked streaming from a run that ended abruptly become errors. */
export function settleInterruptedReplies(conversation: Conversation): Conversation {
  if (!conversation.messages.some((m) => m.status === "streaming")) return conversation;
  return {
    ...conversation,
    messages: conversation.messages.map((m) =>
      m.status === "streaming" ? { ...m, status: "error" as const, error: "Atelier closed before this reply finished." } : m,
    ),
  };
}
