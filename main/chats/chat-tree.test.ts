import { describe, expect, it } from "vitest";
import { DEFAULT_GENERATION_PARAMS, type ChatMessage, type Conversation } from "../../shared/chat";
import { AppError } from "../../shared/errors";
import {
  activeBranch,
  appendEdit,
  appendRegeneration,
  appendTurn,
  branchTo,
  deepestNewestDescendant,
  selectBranch,
  settleInterruptedReplies,
  siblingsOf,
  updateMessage,
} from "./chat-tree";

function msg(id: string, role: ChatMessage["role"], content = id): ChatMessage {
  return { id, parentId: null, role, content, createdAt: 0, ...(role === "assistant" ? { status: "streaming" as const } : {}) };
}

function empty(): Conversation {
  return { id: "c-1", title: "t", modelId: null, systemPrompt: "", params: DEFAULT_GENERATION_PARAMS, messages: [], activeLeafId: null, createdAt: 0, updatedAt: 0 };
}

const contents = (conversation: Conversation) => activeBranch(conversation).map((m) => m.content);

/** u1 → a1 → u2 → a2 */
function twoTurns(): Conversation {
  const first = appendTurn(empty(), msg("u1", "user"), msg("a1", "assistant"), 1);
  return appendTurn(first, msg("u2", "user"), msg("a2", "assistant"), 2);
}

describe("chat tree", () => {
  it("appends a turn under the active leaf and moves the leaf to the reply", () => {
    const conversation = twoTurns();
    expect(contents(conversation)).toEqual(["u1", "a1", "u2", "a2"]);
    expect(conversation.activeLeafId).toBe("a2");
    expect(conversation.messages.find((m) => m.id === "u2")?.parentId).toBe("a1");
    expect(conversation.updatedAt).toBe(2);
  });

  it("regenerates a reply as a sibling under the same user message, keeping the old one", () => {
    const conversation = appendRegeneration(twoTurns(), "a2", msg("a2b", "assistant"), 3);
    expect(contents(conversation)).toEqual(["u1", "a1", "u2", "a2b"]);
    const a2 = conversation.messages.find((m) => m.id === "a2");
    expect(a2 && siblingsOf(conversation.messages, a2).map((m) => m.id)).toEqual(["a2", "a2b"]);
    expect(() => appendRegeneration(twoTurns(), "u2", msg("x", "assistant"), 3)).toThrow(AppError);
  });

  it("edits a user message as a new sibling with a new reply; the old branch stays reachable", () => {
    const edited = appendEdit(twoTurns(), "u1", msg("u1b", "user"), msg("a1b", "assistant"), 3);
    expect(contents(edited)).toEqual(["u1b", "a1b"]);
    expect(edited.messages.find((m) => m.id === "u1b")?.parentId).toBeNull();
    const back = selectBranch(edited, "u1");
    expect(contents(back)).toEqual(["u1", "a1", "u2", "a2"]);
    expect(() => appendEdit(twoTurns(), "a1", msg("x", "user"), msg("y", "assistant"), 3)).toThrow(AppError);
  });

  it("selects the deepest descendant, the newest among equally deep ones", () => {
    let conversation = twoTurns();
    conversation = appendRegeneration(conversation, "a1", msg("a1b", "assistant"), 3); // a1b: depth 1 under u1
    expect(deepestNewestDescendant(conversation.messages, "u1")).toBe("a2");
    conversation = appendRegeneration(conversation, "a2", msg("a2b", "assistant"), 4);
    expect(deepestNewestDescendant(conversation.messages, "u1")).toBe("a2b");
    expect(selectBranch(conversation, "a1b").activeLeafId).toBe("a1b");
    expect(selectBranch(conversation, "a2").activeLeafId).toBe("a2");
  });

  it("refuses unknown messages with NOT_FOUND", () => {
    try {
      selectBranch(twoTurns(), "nope");
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe("NOT_FOUND");
    }
  });

  it("survives broken and cyclic parent chains", () => {
    const cyclic: ChatMessage[] = [{ ...msg("x", "user"), parentId: "y" }, { ...msg("y", "assistant"), parentId: "x" }];
    expect(branchTo(cyclic, "x").map((m) => m.id)).toEqual(["y", "x"]);
    expect(deepestNewestDescendant(cyclic, "x")).toBe("y");
    expect(branchTo([{ ...msg("z", "user"), parentId: "missing" }], "z").map((m) => m.id)).toEqual(["z"]);
    expect(branchTo([], null)).toEqual([]);
  });

  it("updates one message and settles replies left streaming by a crash", () => {
    const conversation = updateMessage(twoTurns(), "a1", { content: "done", status: "complete" }, 5);
    expect(conversation.messages.find((m) => m.id === "a1")).toMatchObject({ content: "done", status: "complete" });
    const settled = settleInterruptedReplies(conversation);
    expect(settled.messages.find((m) => m.id === "a2")).toMatchObject({ status: "error", error: expect.stringMatching(/closed/) });
    expect(settled.messages.find((m) => m.id === "a1")?.status).toBe("complete");
  });
});
