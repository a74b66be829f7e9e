import type { ChatMessage, MessageRole } from "../../shared/chat";
import { TITLE_MAX } from "../../shared/chat";
import type { LlmChatTurn } from "../engines/llm/methods";
import { newId } from "./new-id";

const TITLE_LENGTH = 80;

/** A new message; its parent is set when it joins the tree. */
export function message(role: MessageRole, content: string): ChatMessage {
  return {
    id: newId("m"),
    parentId: null,
    role,
    content,
    createdAt: Date.now(),
    ...(role === "assistant" ? { status: "streaming" as const } : {}),
  };
}

/** A conversation title from its first message: one line, trimmed, shortened. */
export function titleFrom(content: string): string {
  const line = content.replace(/\s+/g, " ").trim();
  const limit = Math.min(TITLE_LENGTH, TITLE_MAX);
  return line.length <= limit ? line : `${line.slice(0, limit - 1).trimEnd()}…`;
}

/** What the model sees of a branch: replies that failed or never started are left out. */
export function turnsOf(branch: readonly ChatMessage[]): LlmChatTurn[] {
  return branch
    .filter((m) => m.role === "user" || (m.status !== "error" && m.status !== "streaming" && m.content.length > 0))
    .map(({ role, content }) => ({ role, content }));
}
