import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../../scripts/hub-server/test-hub";
import { BenchClient } from "../../scripts/bench/ws-client";
import type { Download } from "../../shared/library";
import { startServeChild, type ServeChild } from "../../scripts/testing/serve-child";
import { STORIES_GGUF } from "../host-test-kit";
import { sha256OfFile } from "./download-test-kit";

const REPO = "tiny/stories-GGUF";
const FILE = "stories260K.gguf";
const served: ServeChild[] = [];
let hub: TestHub | undefined;

afterEach(async () => {
  for (const serve of served.splice(0)) await serve.stop(0);
  await hub?.close();
});

/** `node out/main/serve.js` on a data dir, as a user starts it, with a client on its tokenized URL. */
async function serve(dataDir: string): Promise<ServeChild & { client: BenchClient }> {
  const started = await startServeChild({ dataDir, stderr: "inherit" });
  served.push(started);
  return { ...started, client: await BenchClient.connect(started.url) };
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
