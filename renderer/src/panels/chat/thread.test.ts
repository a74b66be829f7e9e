import { describe, expect, it } from "vitest";
import { conversation, message } from "../../test-support/fixtures";
import { activeBranch, isGenerating, lastMessage, siblingsOf } from "./thread";

// u1 → a2 (first reply), a3 (regenerated); u4 is an edit of u1 answered by a5.
const u1 = message("u1", null, "user");
const a2 = message("a2", "u1", "assistant", { status: "complete" });
const a3 = message("a3", "u1", "assistant", { status: "streaming" });
const u4 = message("u4", null, "user");
const a5 = message("a5", "u4", "assistant", { status: "complete" });
const all = [a3, u1, a5, a2, u4];

describe("thread", () => {
  it("walks the active branch from the first message to the leaf", () => {
    expect(activeBranch(conversation(all, "a3")).map((m) => m.id)).toEqual(["u1", "a3"]);
    expect(activeBranch(conversation(all, "a5")).map((m) => m.id)).toEqual(["u4", "a5"]);
    expect(activeBranch(conversation(all, null))).toEqual([]);
  });

  it("lists the versions of a message oldest first", () => {
    const tree = conversation(all, "a3");
    expect(siblingsOf(tree, a3).map((m) => m.id)).toEqual(["a2", "a3"]);
    expect(siblingsOf(tree, u4).map((m) => m.id)).toEqual(["u1", "u4"]);
  });

  it("tells whether a reply is being written on screen", () => {
    expect(isGenerating(conversation(all, "a3"))).toBe(true);
    expect(isGenerating(conversation(all, "a2"))).toBe(false);
    expect(isGenerating(undefined)).toBe(false);
    expect(lastMessage(conversation(all, "a5"))?.id).toBe("a5");
  });

  it("survives a parent cycle in damaged data", () => {
    const loop = [message("x1", "x2", "user"), message("x2", "x1", "assistant")];
    expect(activeBranch(conversation(loop, "x2"))).toHaveLength(2);
  });
});
