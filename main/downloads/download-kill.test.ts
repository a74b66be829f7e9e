import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../../scripts/hub-server/test-hub";
import { BenchClient } from "../../scripts/bench/ws-client";
import type { Download } from "../../shared/library";
import { STORIES_GGUF, WORKER_DIR } from "../host-test-kit";
import { sha256OfFile } from "./download-test-kit";

const SERVE_BUNDLE = path.join(WORKER_DIR, "serve.js");
const SERVING_LINE = /Atelier is serving at (http:\/\/\S+)/;
const REPO = "tiny/stories-GGUF";
const FILE = "stories260K.gguf";
const children: ChildProcess[] = [];
let hub: TestHub | undefined;

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await hub?.close();
});

/** `node out/main/serve.js` on a data dir, as a user starts it; resolves with its tokenized URL. */
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

function waitForDownload(client: BenchClient, test: (download: Download) => boolean): Promise<Download> {
  return new Promise((resolve) => {
    const off = client.onEvent((event, payload) => {
      if (event !== "download.updated" || !test(payload as Download)) return;
      off();
      resolve(payload as Download);
    });
  });
}

describe("killing the served host mid-download", () => {
  it("resumes from the partial file after a restart and installs a model the host can list", async () => {
    hub = await startTestHub({ bytesPerSecond: 250_000 });
    const [file] = await hub.createRepo(REPO, { files: [{ path: FILE, content: await readFile(STORIES_GGUF) }] });
    const dataDir = await mkdtemp(path.join(tmpdir(), "atelier-kill-"));
    await writeFile(path.join(dataDir, "settings.json"), JSON.stringify({ hub: { endpoint: hub.url } }));

    const first = await serve(dataDir);
    // Well past the first second, so the first bytes have reached the disk.
    const partway = waitForDownload(first.client, (d) => d.receivedBytes > 600_000);
    const started = await first.client.invoke("downloads.start", { repo: REPO, revision: "main", family: "llm", files: [FILE] });
    await partway;
    const exited = new Promise((resolve) => first.child.once("exit", resolve));
    first.child.kill("SIGKILL");
    await exited;
    first.client.close();
    const part = path.join(dataDir, "downloads", started.id, `${FILE}.part`);
    const kept = (await stat(part)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(file?.size ?? 0);
    const before = hub.requests.length;

    hub.setBytesPerSecond(0);
    const second = await serve(dataDir);
    const finished = waitForDownload(second.client, (d) => d.id === started.id && ["completed", "failed", "cancelled"].includes(d.state));
    const restored = (await second.client.invoke("downloads.list", {})).find((d) => d.id === started.id);
    const done = restored?.state === "completed" ? restored : await finished;
    expect(done.state).toBe("completed");

    // The restarted host asked only for the bytes it did not have.
    const resumed = hub.requests.slice(before).filter((r) => r.server === "cdn");
    expect(resumed).toHaveLength(1);
    expect(Number(/^bytes=(\d+)-$/.exec(resumed[0]?.range ?? "")?.[1])).toBe(kept);
    expect(await sha256OfFile(path.join(dataDir, "models", started.modelId, FILE))).toBe(file?.sha256);
    const models = await second.client.invoke("models.list", {});
    expect(models.find((model) => model.id === started.modelId)).toMatchObject({ family: "llm", format: "gguf", source: { repo: REPO } });
    second.client.close();
  });
});
