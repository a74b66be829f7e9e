import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BenchClient } from "../../scripts/bench/ws-client";
import type { Job } from "../../shared/jobs";
import { STORIES_GGUF, WORKER_DIR } from "../host-test-kit";

const SERVE_BUNDLE = path.join(WORKER_DIR, "serve.js");
const SERVING_LINE = /Atelier is serving at (http:\/\/\S+)/;
const KILLS = 8;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function serve(dataDir: string): Promise<{ child: ChildProcess; client: BenchClient }> {
  const child = spawn(process.execPath, [SERVE_BUNDLE, "--port", "0", "--data-dir", dataDir], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  const url = await new Promise<URL>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = SERVING_LINE.exec(output);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, client: await BenchClient.connect(url) };
}

async function kill(child: ChildProcess): Promise<void> {
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
