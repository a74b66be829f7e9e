import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../shared/settings";
import { conversation, download, job, message } from "../test-support/fixtures";
import { hostConnections } from "../test-support/host-connections";
import { createAppStore } from "./app-state";
import { bindHostEvents } from "./host-events";

const connect = hostConnections();

describe("bindHostEvents", () => {
  it("turns every host event into the matching store change", async () => {
    const { host, api } = await connect({ "jobs.list": () => [] });
    const store = createAppStore();
    const unbind = bindHostEvents(api, store);
    await api.jobs.list({});

    const chat = conversation([message("u1", null, "user"), message("a2", "u1", "assistant", { status: "streaming", content: "" })], "a2");
    host.emit("job.updated", job("j1", "running", 0.25));
    host.emit("chat.updated", { conversation: chat });
    host.emit("chat.delta", { jobId: "j1", conversationId: "c1", messageId: "a2", text: "Hello" });
    host.emit("models.changed", { models: [{ id: "m", name: "M", family: "llm", format: "gguf", path: "/m.gguf", sizeBytes: 9 }] });
    host.emit("engines.changed", { engines: [{ engine: "llm", state: "ready", loaded: [] }] });
    host.emit("download.updated", download("d1", "downloading", { receivedBytes: 42 }));
    host.emit("settings.changed", { ...DEFAULT_SETTINGS, llm: { threads: 1, gpuLayers: "auto" } });

    await expect.poll(() => store.getState().settings?.llm.threads).toBe(1);
    const state = store.getState();
    expect(state.jobs.j1?.progress.fraction).toBe(0.25);
    expect(state.conversations.c1?.title).toBe("Story time");
    expect(state.streamingText.a2).toBe("Hello");
    expect(state.replyJobs.a2).toBe("j1");
    expect(state.models.map((m) => m.id)).toEqual(["m"]);
    expect(state.engines[0]?.state).toBe("ready");
    expect(state.downloads.d1?.receivedBytes).toBe(42);

    host.emit("chat.deleted", { id: "c1" });
    await expect.poll(() => store.getState().conversations.c1).toBeUndefined();
    unbind();
    host.emit("job.updated", job("j2", "queued"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.getState().jobs.j2).toBeUndefined();
  });
});
