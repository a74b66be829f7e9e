import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { conversationSchema } from "../shared/chat";
import type { Host } from "./host";
import { addModel, errorCodeOf, EventLog, invoke, openTestHost, STORIES_GGUF, tempDataDir, WORKER_DIR } from "./host-test-kit";

let host: Host | undefined;

beforeAll(() => {
  if (!existsSync(path.join(WORKER_DIR, "engine-llm.js"))) throw new Error("Build first: npx electron-vite build");
});

afterEach(async () => {
  await host?.dispose();
  host = undefined;
});

/** A host on a fresh data dir holding stories260K, with one CPU thread (fast on 2-core machines). */
async function storiesHost() {
  const dataDir = await tempDataDir();
  await addModel(dataDir, STORIES_GGUF);
  host = await openTestHost(dataDir);
  const events = new EventLog(host);
  await invoke(host, "settings.update", { llm: { threads: 1 } });
  const conversation = await invoke(host, "chat.create", {
    modelId: "stories260k",
    systemPrompt: "You are a storyteller.",
    params: { maxTokens: 48, seed: 7, temperature: 0.8 },
  });
  return { host, dataDir, events, conversation };
}

describe("host", () => {
  it("creates the data folders and answers app.info", async () => {
    const dataDir = await tempDataDir();
    host = await openTestHost(dataDir);
    for (const folder of ["models", "chats", "library", "downloads", "logs"]) expect(existsSync(path.join(dataDir, folder))).toBe(true);
    expect(await invoke(host, "app.info", {})).toMatchObject({ version: "test", dataDir, mode: "serve" });
    // Every engine process is listed, and asking never starts one.
    const stopped = (engine: string) => ({ engine, state: "stopped", loaded: [] });
    expect(await invoke(host, "engines.status", {})).toEqual(["llm", "image", "speech", "video", "onnx"].map(stopped));
    expect(await invoke(host, "engines.status", {})).toEqual(["llm", "image", "speech", "video", "onnx"].map(stopped));
  });

  it("streams a reply as chat.delta events and saves it with stats", async () => {
    const { host, dataDir, events, conversation } = await storiesHost();
    const started = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Tell me a story about a cat." });
    const job = await events.finalJob(started.jobId, 60_000);
    expect(job).toMatchObject({ status: "succeeded", kind: "chat.generate", engine: "llm" });

    const deltas = events.of("chat.delta").filter((d) => d.jobId === started.jobId);
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.every((d) => d.messageId === started.assistantMessageId && d.conversationId === conversation.id)).toBe(true);
    const saved = conversationSchema.parse(JSON.parse(await readFile(path.join(dataDir, "chats", `${conversation.id}.json`), "utf8")));
    const reply = saved.messages.find((m) => m.id === started.assistantMessageId);
    expect(reply).toMatchObject({ role: "assistant", status: "complete", modelId: "stories260k", parentId: started.userMessageId });
    expect(reply?.content).toBe(deltas.map((d) => d.text).join(""));
    expect(reply?.content).toMatch(/[a-z]+ [a-z]+/i);
    expect(reply?.stats?.completionTokens).toBeGreaterThan(0);
    expect(reply?.stats?.tokensPerSecond).toBeGreaterThan(0);
    expect(saved.title).toBe("Tell me a story about a cat.");
    expect(saved.activeLeafId).toBe(started.assistantMessageId);

    const engines = await events.waitFor("engines.changed", (e) => e.engines[0]?.loaded.some((m) => m.modelId === "stories260k") ?? false);
    expect(engines.engines[0]?.state).toBe("ready");
    expect((await invoke(host, "engines.status", {}))[0]?.loaded.map((m) => m.modelId)).toEqual(["stories260k"]);

    // Regenerate: a sibling reply under the same user message.
    const again = await invoke(host, "chat.regenerate", { conversationId: conversation.id, messageId: started.assistantMessageId });
    expect((await events.finalJob(again.jobId)).status).toBe("succeeded");
    // Edit: a sibling user message with its own reply; the first branch stays reachable.
    const edited = await invoke(host, "chat.edit", { conversationId: conversation.id, messageId: started.userMessageId, content: "A story about a dog." });
    expect((await events.finalJob(edited.jobId)).status).toBe("succeeded");
    const after = await invoke(host, "chat.get", { id: conversation.id });
    expect(after.messages).toHaveLength(5);
    expect(after.activeLeafId).toBe(edited.assistantMessageId);
    const back = await invoke(host, "chat.selectBranch", { conversationId: conversation.id, messageId: started.userMessageId });
    expect(back.activeLeafId).toBe(again.assistantMessageId);
  });

  it("stops a reply on jobs.cancel, keeping the partial text, and runs the next one", async () => {
    const { host, events, conversation } = await storiesHost();
    await invoke(host, "chat.update", { id: conversation.id, params: { maxTokens: 4000, contextSize: 4096 } });
    const long = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Tell me a very long story." });
    await events.waitFor("chat.delta", (d) => d.jobId === long.jobId, 60_000);
    await invoke(host, "jobs.cancel", { id: long.jobId });
    expect((await events.finalJob(long.jobId)).status).toBe("cancelled");
    const stopped = (await invoke(host, "chat.get", { id: conversation.id })).messages.find((m) => m.id === long.assistantMessageId);
    expect(stopped?.status).toBe("stopped");
    expect(stopped?.content.length).toBeGreaterThan(0);
    expect(stopped?.content).toBe(events.of("chat.delta").filter((d) => d.jobId === long.jobId).map((d) => d.text).join(""));

    await invoke(host, "chat.update", { id: conversation.id, params: { maxTokens: 16 } });
    const next = await invoke(host, "chat.send", { conversationId: conversation.id, content: "And then?" });
    expect((await events.finalJob(next.jobId)).status).toBe("succeeded");
  });

  it("fails the job with ENGINE_CRASHED when the engine dies mid-reply, and the next reply works", async () => {
    const { host, events, conversation } = await storiesHost();
    await invoke(host, "chat.update", { id: conversation.id, params: { maxTokens: 4000, contextSize: 4096 } });
    const doomed = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Tell me a very long story." });
    await events.waitFor("chat.delta", (d) => d.jobId === doomed.jobId, 60_000);
    const pid = (await invoke(host, "engines.status", {}))[0]?.pid;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid ?? 0, "SIGKILL");
    expect(await events.finalJob(doomed.jobId)).toMatchObject({ status: "failed", error: { code: "ENGINE_CRASHED" } });
    const failed = (await invoke(host, "chat.get", { id: conversation.id })).messages.find((m) => m.id === doomed.assistantMessageId);
    expect(failed?.status).toBe("error");
    await events.waitFor("engines.changed", (e) => e.engines[0]?.state === "crashed");

    await invoke(host, "chat.update", { id: conversation.id, params: { maxTokens: 16 } });
    const next = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Again, please." });
    expect((await events.finalJob(next.jobId, 60_000)).status).toBe("succeeded");
  });

  it("gives the engine its cache limits from settings, when it starts and whenever they change", async () => {
    const { host, events, conversation } = await storiesHost();
    const reply = async () => {
      const sent = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Hello." });
      expect((await events.finalJob(sent.jobId)).status).toBe("succeeded");
      await new Promise((resolve) => setTimeout(resolve, 500));
    };
    // 0.002 minutes = 120 ms: sent before the first call, the engine unloads the idle model on its own.
    await invoke(host, "settings.update", { engines: { idleUnloadMinutes: 0.002 } });
    await reply();
    expect(await invoke(host, "models.unload", { id: "stories260k" })).toEqual({ unloaded: false });
    // Changed while the engine runs: 0 keeps models loaded.
    await invoke(host, "settings.update", { engines: { idleUnloadMinutes: 0 } });
    await reply();
    expect(await invoke(host, "models.unload", { id: "stories260k" })).toEqual({ unloaded: true });
    expect((await invoke(host, "engines.status", {}))[0]?.loaded).toEqual([]);
  });

  it("unloads a loaded model before deleting it", async () => {
    const { host, dataDir, events, conversation } = await storiesHost();
    const sent = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Hello." });
    await events.finalJob(sent.jobId);
    await events.waitFor("engines.changed", (e) => (e.engines[0]?.loaded.length ?? 0) > 0);
    expect(await invoke(host, "models.delete", { id: "stories260k" })).toEqual({ deleted: true });
    expect((await invoke(host, "engines.status", {}))[0]?.loaded).toEqual([]);
    expect(existsSync(path.join(dataDir, "models", "stories260K.gguf"))).toBe(false);
    expect(await invoke(host, "models.list", {})).toEqual([]);
    expect(await errorCodeOf(invoke(host, "chat.send", { conversationId: conversation.id, content: "Still there?" }))).toBe("NOT_FOUND");
  });
});
