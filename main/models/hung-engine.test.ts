import { afterEach, describe, expect, inject, it } from "vitest";
import type { Host } from "../host";
import { createHost } from "../host";
import { addModel, EventLog, invoke, STORIES_GGUF, tempDataDir, WORKER_DIR } from "../host-test-kit";
import type { EngineLiveness } from "../engines/engine-liveness";
import { isAlive } from "../engines/testing/probe-host";
import { silentLogger } from "../log/types";
import { installOnnxModel } from "./testing/install-onnx-model";

/**
 * The LLM engine stopped with SIGSTOP mid-reply, on a whole host: the reply's job ends, the other
 * engines, the memory broker and the status keep answering, and the next reply runs on a new process.
 */
let host: Host | undefined;
const stoppedPids: number[] = [];

afterEach(async () => {
  for (const pid of stoppedPids.splice(0)) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  await host?.dispose();
  host = undefined;
});

async function hostWith(llm: EngineLiveness) {
  const dataDir = await tempDataDir();
  await addModel(dataDir, STORIES_GGUF);
  await installOnnxModel(dataDir, inject("imageFixtures").sd15, { id: "tiny-sd", name: "Tiny SD", family: "image" });
  const opened = await createHost({ dataDir, workerDir: WORKER_DIR, mode: "serve", version: "test", logger: silentLogger, engineLiveness: { llm } });
  host = opened;
  const events = new EventLog(opened);
  await invoke(opened, "settings.update", { llm: { threads: 1 } });
  const chat = (maxTokens: number) =>
    invoke(opened, "chat.create", { modelId: "stories260k", systemPrompt: "You are a storyteller.", params: { maxTokens, contextSize: 4096, seed: 7 } });
  return { host: opened, events, chat };
}

type Rig = Awaited<ReturnType<typeof hostWith>>;

const llmStatus = async ({ host }: Rig) => (await invoke(host, "engines.status", {})).find((status) => status.engine === "llm");

/** Resolves once the killed process is gone (a killed child lingers until this process reaps it). */
async function gone(pid: number): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} is still alive`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const startedAt = performance.now();
  const value = await work;
  return { value, ms: performance.now() - startedAt };
}

/** Sends a long reply and stops the engine once it streams; resolves with the job and the stopped pid. */
async function stopMidReply(rig: Rig) {
  const conversation = await rig.chat(4000);
  const reply = await invoke(rig.host, "chat.send", { conversationId: conversation.id, content: "Tell me a very long story." });
  await rig.events.waitFor("chat.delta", (delta) => delta.jobId === reply.jobId, 60_000);
  const pid = (await llmStatus(rig))?.pid ?? 0;
  expect(pid).toBeGreaterThan(0);
  stoppedPids.push(pid);
  process.kill(pid, "SIGSTOP");
  return { conversation, reply, pid };
}

async function imageJobSucceeds(rig: Rig): Promise<void> {
  const { jobIds } = await invoke(rig.host, "image.generate", { modelId: "tiny-sd", prompt: "a boat", width: 64, height: 64, steps: 2, seed: 1 });
  expect(await rig.events.finalJob(jobIds[0] ?? "", 60_000)).toMatchObject({ status: "succeeded" });
}

describe("a hung LLM engine on a whole host", () => {
  it("fails its reply with ENGINE_HUNG, stops saying ready, keeps other work moving, and the next reply works", async () => {
    const rig = await hostWith({ heartbeatIntervalMs: 200, hangTimeoutMs: 8_000, cancelAckMs: 1_000 });
    const { conversation, reply, pid } = await stopMidReply(rig);

    // Before the hang is judged: status, chat.send and the image engine (through the memory broker) answer.
    expect((await timed(invoke(rig.host, "engines.status", {}))).ms).toBeLessThan(3_000);
    const queued = await timed(invoke(rig.host, "chat.send", { conversationId: (await rig.chat(16)).id, content: "Hello." }));
    expect(queued.ms).toBeLessThan(3_000);
    await imageJobSucceeds(rig);

    expect(await rig.events.finalJob(reply.jobId, 20_000)).toMatchObject({
      status: "failed",
      error: { code: "ENGINE_HUNG", message: expect.stringMatching(/The llm engine stopped responding/) },
    });
    const message = (await invoke(rig.host, "chat.get", { id: conversation.id })).messages.find((m) => m.id === reply.assistantMessageId);
    expect(message).toMatchObject({ status: "error", error: expect.stringMatching(/stopped responding/) });
    await rig.events.waitFor("engines.changed", (change) => change.engines.some((e) => e.engine === "llm" && e.state === "crashed"));
    await gone(pid);

    // The reply queued behind it runs on a fresh process.
    expect(await rig.events.finalJob(queued.value.jobId, 60_000)).toMatchObject({ status: "succeeded" });
    const restarted = await llmStatus(rig);
    expect(restarted?.state).toBe("ready");
    expect(restarted?.pid).not.toBe(pid);
  });

  it("jobs.cancel ends the stopped reply at once and kills the engine, while image jobs run meanwhile", async () => {
    const rig = await hostWith({ heartbeatIntervalMs: 200, hangTimeoutMs: 120_000, cancelAckMs: 1_500 });
    const { reply, pid } = await stopMidReply(rig);

    // The hang is not judged yet (120 s): the broker's and the monitor's questions to the LLM engine are bounded.
    const image = await timed(imageJobSucceeds(rig));
    expect(image.ms).toBeLessThan(30_000);
    expect((await llmStatus(rig))?.state).toBe("ready");

    const cancel = await timed(invoke(rig.host, "jobs.cancel", { id: reply.jobId }));
    expect(cancel.ms).toBeLessThan(1_000);
    const ended = await timed(rig.events.finalJob(reply.jobId, 10_000));
    expect(ended.value.status).toBe("cancelled");
    expect(ended.ms).toBeLessThan(6_000);
    await rig.events.waitFor("engines.changed", (change) => change.engines.some((e) => e.engine === "llm" && e.state === "crashed"), 5_000);
    await gone(pid);

    const next = await invoke(rig.host, "chat.send", { conversationId: (await rig.chat(16)).id, content: "Again." });
    expect(await rig.events.finalJob(next.jobId, 60_000)).toMatchObject({ status: "succeeded" });
  });
});
