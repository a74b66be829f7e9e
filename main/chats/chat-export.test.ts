import { describe, expect, it } from "vitest";
import { conversationSchema, DEFAULT_GENERATION_PARAMS, type Conversation } from "../../shared/chat";
import { exportJson, exportMarkdown } from "./chat-export";
import { message, titleFrom, turnsOf } from "./chat-messages";
import { activeBranch, appendRegeneration, appendTurn, updateMessage } from "./chat-tree";

function conversation(): Conversation {
  let c: Conversation = {
    id: "c-1",
    title: "Cats & dogs: a story?",
    modelId: "stories260k",
    systemPrompt: "You are a storyteller.",
    params: DEFAULT_GENERATION_PARAMS,
    messages: [],
    activeLeafId: null,
    createdAt: 1,
    updatedAt: 1,
  };
  const user = message("user", "Tell me about cats.");
  const first = message("assistant", "");
  c = appendTurn(c, user, first, 2);
  c = updateMessage(c, first.id, { content: "Old reply", status: "complete" }, 3);
  const second = message("assistant", "");
  c = appendRegeneration(c, first.id, second, 4);
  return updateMessage(c, second.id, { content: "Once upon a time, ```code```", status: "stopped" }, 5);
}

describe("chat export", () => {
  it("writes the active branch as Markdown with the system prompt", () => {
    const file = exportMarkdown(conversation());
    expect(file.filename).toBe("cats-dogs-a-story.md");
    expect(file.mimeType).toBe("text/markdown");
    expect(file.content).toContain("# Cats & dogs: a story?");
    expect(file.content).toContain("## System\n\nYou are a storyteller.");
    expect(file.content).toContain("## You\n\nTell me about cats.");
    expect(file.content).toContain("## Assistant\n\nOnce upon a time, ```code```");
    expect(file.content).toContain("Stopped before the end.");
    expect(file.content).not.toContain("Old reply");
  });

  it("writes JSON holding the active branch and the whole tree", () => {
    const source = conversation();
    const file = exportJson(source);
    expect(file.filename).toBe("cats-dogs-a-story.json");
    const document = JSON.parse(file.content) as { activeBranch: unknown; tree: { messages: unknown[]; activeLeafId: string } };
    expect(document.activeBranch).toEqual([
      { role: "user", content: "Tell me about cats." },
      { role: "assistant", content: "Once upon a time, ```code```" },
    ]);
    expect(document.tree.messages).toHaveLength(3);
    expect(conversationSchema.shape.messages.parse(document.tree.messages)).toEqual(source.messages);
  });
});

describe("chat messages", () => {
  it("derives a one-line title from the first message", () => {
    expect(titleFrom("  Hello\n  world  ")).toBe("Hello world");
    const long = titleFrom("word ".repeat(50));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith("…")).toBe(true);
  });

  it("gives the model the branch without failed or empty replies", () => {
    const c = conversation();
    const branch = activeBranch(c);
    expect(turnsOf(branch)).toEqual([
      { role: "user", content: "Tell me about cats." },
      { role: "assistant", content: "Once upon a time, ```code```" },
    ]);
    const failed = branch.map((m) => (m.role === "assistant" ? { ...m, status: "error" as const } : m));
    expect(turnsOf(failed)).toEqual([{ role: "user", content: "Tell me about cats." }]);
  });
});
