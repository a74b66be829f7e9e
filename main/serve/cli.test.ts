import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { jobSchema } from "../../shared/jobs";
import type { ServerFrame } from "../../shared/wire";
import { STORIES_GGUF, WORKER_DIR } from "../host-test-kit";

const SERVE_BUNDLE = path.join(WORKER_DIR, "serve.js");
let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill("SIGKILL");
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(test: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (test()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A WebSocket client speaking the wire frames, like the renderer's. */
async function openClient(origin: string, token: string) {
  const socket = new WebSocket(`${origin.replace("http", "ws")}/ws?token=${token}`, { origin });
  const frames: ServerFrame[] = [];
  socket.on("message", (data: Buffer) => frames.push(JSON.parse(data.toString()) as ServerFrame));
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  let nextId = 1;
  return {
    frames,
    close: () => socket.close(),
    async call<T>(channel: string, request: unknown): Promise<T> {
      const id = nextId++;
      socket.send(JSON.stringify({ type: "invoke", id, channel, request }));
      let answer: ServerFrame | undefined;
      await waitUntil(() => (answer = frames.find((f) => f.type === "result" && f.id === id)) !== undefined, channel);
      if (answer?.type !== "result" || !answer.result.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer)}`);
      return answer.result.value as T;
    },
  };
}

describe("npm run serve (the built bundle)", () => {
  it("prints one tokenized URL, serves the renderer, and stops its engines on SIGTERM", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "atelier-cli-"));
    await mkdir(path.join(dataDir, "models"));
    await copyFile(STORIES_GGUF, path.join(dataDir, "models", "stories260K.gguf"));
    // --exit-with-parent: an interrupted test run never leaves this server behind.
    const serve = spawn(process.execPath, [SERVE_BUNDLE, "--port", "0", "--data-dir", dataDir, "--exit-with-parent"], { stdio: ["pipe", "pipe", "pipe"] });
    child = serve;
    const exited = new Promise<number | null>((resolve) => serve.once("exit", resolve));
    const lines: string[] = [];
    createInterface({ input: serve.stdout }).on("line", (line) => lines.push(line));
    await waitUntil(() => lines.length > 0, "the URL line");

    const match = /^Atelier is serving at (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)$/.exec(lines[0] ?? "");
    const [, origin = "", token = ""] = match ?? [];
    expect(match).not.toBeNull();
    const page = await fetch(`${origin}/?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const client = await openClient(origin, token);
    await client.call("settings.update", { llm: { threads: 1 } });
    const conversation = await client.call<{ id: string }>("chat.create", { modelId: "stories260k", params: { maxTokens: 8 } });
    const { jobId } = await client.call<{ jobId: string }>("chat.send", { conversationId: conversation.id, content: "Hi" });
    const succeeded = (frame: ServerFrame) => {
      const job = frame.type === "event" && frame.event === "job.updated" ? jobSchema.safeParse(frame.payload) : undefined;
      return job?.success === true && job.data.id === jobId && job.data.status === "succeeded";
    };
    await waitUntil(() => client.frames.some(succeeded), "the reply");
    const [status] = await client.call<{ pid?: number; state: string }[]>("engines.status", {});
    const enginePid = status?.pid ?? 0;
    expect(status?.state).toBe("ready");
    expect(isAlive(enginePid)).toBe(true);
    client.close();

    serve.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(isAlive(enginePid)).toBe(false);
    expect(lines).toHaveLength(1);
  });
});
