import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_GENERATION_PARAMS, type Conversation } from "../../../../shared/chat";
import { createClient } from "../../api/client";
import { WebSocketTransport } from "../../api/ws-transport";
import { createAppStore } from "../../store/app-state";
import { conversation, message } from "../../test-support/fixtures";
import { WsTestHost, nodeSocket } from "../../test-support/ws-test-host";
import { sendMessage, startNewConversation, stopReply } from "./chat-commands";

let host: WsTestHost | undefined;
let transport: WebSocketTransport | undefined;
afterEach(async () => {
  transport?.close();
  await host?.stop();
});

async function connect(handlers: Parameters<typeof WsTestHost.start>[0]) {
  host = await WsTestHost.start(handlers);
  transport = new WebSocketTransport(host.url, nodeSocket);
  return { api: createClient(transport), store: createAppStore(), host };
}

describe("chat commands", () => {
  it("refuses to send without a model and asks nothing of the host", async () => {
    const { api, store, host } = await connect({});
    await expect(sendMessage(api, store, "Hello")).rejects.toMatchObject({ code: "INVALID_INPUT", message: "Choose a model in “Model” before sending." });
    expect(host.received).toEqual([]);
  });

  it("creates the conversation from the draft on the first send", async () => {
    let created: Conversation | undefined;
    const { api, store, host } = await connect({
      "chat.create": (request) => (created = conversation([], null, { id: "c7", title: request.title ?? "", modelId: request.modelId ?? null })),
      "chat.send": () => ({ jobId: "j1", userMessageId: "u1", assistantMessageId: "a2" }),
      "chat.get": () => conversation([message("u1", null, "user"), message("a2", "u1", "assistant", { status: "streaming" })], "a2", { id: "c7" }),
    });
    store.getState().setDraft({ modelId: "stories260k", systemPrompt: "Be kind." });
    await sendMessage(api, store, "Tell me a story\nplease");
    expect(host.received[0]).toEqual({
      channel: "chat.create",
      request: { modelId: "stories260k", systemPrompt: "Be kind.", params: DEFAULT_GENERATION_PARAMS },
    });
    expect(host.received[1]).toEqual({ channel: "chat.send", request: { conversationId: "c7", content: "Tell me a story\nplease" } });
    expect(created?.id).toBe("c7");
    const state = store.getState();
    expect(state.activeConversationId).toBe("c7");
    expect(state.replyJobs.a2).toBe("j1");
    expect(state.conversations.c7?.messages).toHaveLength(2);
  });

  it("stops the reply being written, and a new chat keeps the model", async () => {
    const { api, store, host } = await connect({
      "jobs.cancel": ({ id }) => ({ id, kind: "chat.generate", engine: "llm", title: "Reply", status: "cancelled", progress: { fraction: 1 }, createdAt: 1 }),
    });
    store.getState().putConversation(conversation([message("u1", null, "user"), message("a2", "u1", "assistant", { status: "streaming" })], "a2"));
    store.getState().selectConversation("c1");
    await expect(stopReply(api, store)).rejects.toMatchObject({ code: "NOT_FOUND" });
    store.getState().trackReply("a2", "j5");
    await stopReply(api, store);
    expect(host.received).toEqual([{ channel: "jobs.cancel", request: { id: "j5" } }]);
    expect(store.getState().jobs.j5?.status).toBe("cancelled");

    startNewConversation(store);
    expect(store.getState().activeConversationId).toBeNull();
    expect(store.getState().draft.modelId).toBe("stories260k");
  });
});
