import type { ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BenchClient } from "../../scripts/bench/ws-client";
import { startServeChild, type ServeChild } from "../../scripts/testing/serve-child";
import type { Job } from "../../shared/jobs";
import { STORIES_GGUF } from "../host-test-kit";

const KILLS = 8;
const servers: ServeChild[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function serve(dataDir: string): Promise<{ child: ChildProcess; client: BenchClient }> {
  const server = await startServeChild({ dataDir });
  servers.push(server);
  return { child: server.child, client: await BenchClient.connect(server.url) };
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** The host killed right after it acknowledged a reply, again and again, as a crash or power loss would. */
describe("job history across host kills", () => {
  it("keeps every acknowledged job and every acknowledged message", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "atelier-job-kill-"));
    await writeFile(path.join(dataDir, "settings.json"), JSON.stringify({ llm: { threads: 1 } }));
    await mkdir(path.join(dataDir, "models"));
    await copyFile(STORIES_GGUF, path.join(dataDir, "models", path.basename(STORIES_GGUF)));
    const acknowledged: { jobId: string; userMessageId: string }[] = [];
    let conversationId = "";
    for (let round = 0; round < KILLS; round++) {
      const { child, client } = await serve(dataDir);
      if (!conversationId) {
        const [model] = await client.invoke("models.list", {});
        conversationId = (await client.invoke("chat.create", { modelId: model?.id ?? null, params: { maxTokens: 200 } })).id;
      }
      const sent = await client.invoke("chat.send", { conversationId, content: `Story number ${round}` });
      acknowledged.push(sent);
      await kill(child);
      client.close();
    }

    const { child, client } = await serve(dataDir);
    const jobs = new Map((await client.invoke("jobs.list", {})).map((job: Job) => [job.id, job]));
    const messages = new Set((await client.invoke("chat.get", { id: conversationId })).messages.map((m) => m.id));
    await kill(child);
    client.close();
    for (const { jobId, userMessageId } of acknowledged) {
      expect(jobs.get(jobId)?.status, jobId).toMatch(/^(succeeded|failed)$/);
      expect(messages.has(userMessageId), userMessageId).toBe(true);
    }
  }, 180_000);
});
