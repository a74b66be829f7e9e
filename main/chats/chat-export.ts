import type { ChatMessage, Conversation } from "../../shared/chat";
import { slugify } from "../../shared/ids";
import { activeBranch } from "./chat-tree";

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}

/** The branch on screen as Markdown: a heading per turn, the system prompt first. */
export function exportMarkdown(conversation: Conversation): ExportedFile {
  const lines = [`# ${conversation.title}`, ""];
  if (conversation.modelId) lines.push(`Model: ${conversation.modelId}`, "");
  if (conversation.systemPrompt.trim()) lines.push("## System", "", conversation.systemPrompt.trim(), "");
  for (const message of activeBranch(conversation)) {
    lines.push(`## ${message.role === "user" ? "You" : "Assistant"}`, "", message.content.trim() || "_(empty)_", "");
    const note = replyNote(message);
    if (note) lines.push(`_${note}_`, "");
  }
  return {
    filename: `${slugify(conversation.title)}.md`,
    mimeType: "text/markdown",
    content: lines.join("\n").trimEnd() + "\n",
  };
}

/** The whole conversation: its settings, the active branch, and the full tree of messages. */
export function exportJson(conversation: Conversation): ExportedFile {
  const document = {
    format: "atelier.conversation",
    version: 1,
    title: conversation.title,
    modelId: conversation.modelId,
    systemPrompt: conversation.systemPrompt,
    params: conversation.params,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    activeBranch: activeBranch(conversation).map(({ role, content }) => ({ role, content })),
    tree: { activeLeafId: conversation.activeLeafId, messages: conversation.messages },
  };
  return {
    filename: `${slugify(conversation.title)}.json`,
    mimeType: "application/json",
    content: JSON.stringify(document, null, 2) + "\n",
  };
}

function replyNote(message: ChatMessage): string | undefined {
  if (message.status === "stopped") return "Stopped before the end.";
  if (message.status === "error") return `Failed: ${message.error ?? "unknown error"}`;
  return undefined;
}
