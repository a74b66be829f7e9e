import type { ChatMessage, Conversation } from "../../../../shared/chat";

interface ThreadIndex {
  byId: Map<string, ChatMessage>;
  /** Children of each message, oldest first; the key "" holds the first messages. */
  children: Map<string, ChatMessage[]>;
}

const indexes = new WeakMap<Conversation, ThreadIndex>();

function indexOf(conversation: Conversation): ThreadIndex {
  let index = indexes.get(conversation);
  if (index) return index;
  index = { byId: new Map(), children: new Map() };
  for (const message of conversation.messages) {
    index.byId.set(message.id, message);
    const key = message.parentId ?? "";
    const siblings = index.children.get(key) ?? [];
    siblings.push(message);
    index.children.set(key, siblings);
  }
  for (const siblings of index.children.values()) siblings.sort((a, b) => a.createdAt - b.createdAt);
  indexes.set(conversation, index);
  return index;
}

/** The messages on screen: from the first message down to the active leaf. */
export function activeBranch(conversation: Conversation): ChatMessage[] {
  const { byId } = indexOf(conversation);
  const branch: ChatMessage[] = [];
  const seen = new Set<string>();
  let current = conversation.activeLeafId ? byId.get(conversation.activeLeafId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    branch.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return branch.reverse();
}

/** The versions of a message: itself and the other edits or regenerations under the same parent. */
export function siblingsOf(conversation: Conversation, message: ChatMessage): ChatMessage[] {
  return indexOf(conversation).children.get(message.parentId ?? "") ?? [message];
}

export function lastMessage(conversation: Conversation | undefined): ChatMessage | undefined {
  return conversation ? activeBranch(conversation).at(-1) : undefined;
}

/** Whether a reply is being written on the branch on screen. */
export function isGenerating(conversation: Conversation | undefined): boolean {
  const last = lastMessage(conversation);
  return last?.role === "assistant" && last.status === "streaming";
}

