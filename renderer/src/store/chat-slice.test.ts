import { describe, expect, it } from "vitest";
import { conversation, message } from "../test-support/fixtures";
import { createAppStore } from "./app-state";

describe("chat slice", () => {
  it("appends streamed text to one message without touching the conversation lists", () => {
    const store = createAppStore();
    const streaming = conversation([message("u1", null, "user"), message("a2", "u1", "assistant", { status: "streaming", content: "" })], "a2");
    store.getState().putConversation(streaming);
    const { conversations, summaries } = store.getState();
    store.getState().appendDelta("a2", "job-1", "Once");
    store.getState().appendDelta("a2", "job-1", " upon");
    expect(store.getState().streamingText.a2).toBe("Once upon");
    expect(store.getState().replyJobs.a2).toBe("job-1");
    expect(store.getState().conversations).toBe(conversations);
    expect(store.getState().summaries).toBe(summaries);
  });

  it("keeps the further-along text while streaming and drops it once the reply is final", () => {
    const store = createAppStore();
    const at = (content: string, status: "streaming" | "complete") =>
      conversation([message("u1", null, "user"), message("a2", "u1", "assistant", { status, content })], "a2");
    store.getState().putConversation(at("", "streaming"));
    store.getState().appendDelta("a2", "job-1", "Once upon a time");
    store.getState().putConversation(at("Once", "streaming"));
    expect(store.getState().streamingText.a2).toBe("Once upon a time");
    store.getState().putConversation(at("Once upon a time there", "streaming"));
    expect(store.getState().streamingText.a2).toBe("Once upon a time there");
    store.getState().putConversation(at("Once upon a time there was a cat.", "complete"));
    expect(store.getState().streamingText).toEqual({});
  });

  it("keeps summaries newest first and forgets deleted conversations", () => {
    const store = createAppStore();
    store.getState().putConversation(conversation([], null, { id: "old", updatedAt: 1 }));
    store.getState().putConversation(conversation([message("u1", null, "user")], "u1", { id: "new", updatedAt: 5 }));
    expect(store.getState().summaries.map((s) => [s.id, s.messageCount])).toEqual([
      ["new", 1],
      ["old", 0],
    ]);
    store.getState().selectConversation("new");
    store.getState().removeConversation("new");
    expect(store.getState().activeConversationId).toBeNull();
    expect(store.getState().conversations.new).toBeUndefined();
    expect(store.getState().summaries.map((s) => s.id)).toEqual(["old"]);
  });
});
