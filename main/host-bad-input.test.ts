import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Host } from "./host";
import { addModel, errorCodeOf, EventLog, invoke, openTestHost, STORIES_GGUF, tempDataDir } from "./host-test-kit";

let host: Host | undefined;

afterEach(async () => {
  await host?.dispose();
  host = undefined;
});

async function truncatedCopy(target: string, bytes: number): Promise<void> {
  await writeFile(target, (await readFile(STORIES_GGUF)).subarray(0, bytes));
}

describe("host with bad input", () => {
  it("answers unknown conversations, messages and models with NOT_FOUND, and a missing model choice with INVALID_INPUT", async () => {
    host = await openTestHost(await tempDataDir());
    const conversation = await invoke(host, "chat.create", {});
    expect(conversation.title).toBe("New conversation");
    expect(await errorCodeOf(invoke(host, "chat.get", { id: "c-missing" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "chat.send", { conversationId: "c-missing", content: "hi" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "chat.create", { modelId: "no-such-model" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "chat.update", { id: conversation.id, modelId: "no-such-model" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "models.delete", { id: "no-such-model" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "jobs.cancel", { id: "job-missing" }))).toBe("NOT_FOUND");
    const noModel = invoke(host, "chat.send", { conversationId: conversation.id, content: "hi" });
    await expect(noModel).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/model/i) });
    expect(await errorCodeOf(invoke(host, "chat.regenerate", { conversationId: conversation.id, messageId: "m-missing" }))).toBe("NOT_FOUND");
    expect((await invoke(host, "chat.get", { id: conversation.id })).messages).toEqual([]);
    await invoke(host, "chat.delete", { id: conversation.id });
    expect(await invoke(host, "chat.list", {})).toEqual([]);
  });

  it("leaves a GGUF with an unreadable header out of the list, so asking for it is NOT_FOUND", async () => {
    const dataDir = await tempDataDir();
    await mkdir(path.join(dataDir, "models"));
    await truncatedCopy(path.join(dataDir, "models", "broken.gguf"), 5000);
    host = await openTestHost(dataDir);
    expect((await invoke(host, "models.list", {})).map((m) => m.id)).not.toContain("broken");
    expect(await errorCodeOf(invoke(host, "chat.create", { modelId: "broken" }))).toBe("NOT_FOUND");
  });

  it("fails a reply with MODEL_LOAD_FAILED when the file is corrupt behind a readable header, and keeps running", async () => {
    const dataDir = await tempDataDir();
    const file = await addModel(dataDir, STORIES_GGUF, "late.gguf");
    host = await openTestHost(dataDir);
    const events = new EventLog(host);
    await invoke(host, "settings.update", { llm: { threads: 1 } });
    expect((await invoke(host, "models.list", {})).map((m) => m.id)).toEqual(["late"]);
    await truncatedCopy(file, 600_000);
    const conversation = await invoke(host, "chat.create", { modelId: "late", params: { maxTokens: 8 } });
    const started = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Hello" });
    const job = await events.finalJob(started.jobId, 60_000);
    expect(job).toMatchObject({ status: "failed", error: { code: "MODEL_LOAD_FAILED" } });
    expect(job.error?.message.length).toBeGreaterThan(10);
    const reply = (await invoke(host, "chat.get", { id: conversation.id })).messages.find((m) => m.id === started.assistantMessageId);
    expect(reply).toMatchObject({ status: "error", content: "" });

    await addModel(dataDir, STORIES_GGUF, "good.gguf");
    await invoke(host, "chat.update", { id: conversation.id, modelId: "good" });
    const next = await invoke(host, "chat.send", { conversationId: conversation.id, content: "Hello again" });
    expect((await events.finalJob(next.jobId, 60_000)).status).toBe("succeeded");
  });
});
