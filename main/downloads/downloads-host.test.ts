import { mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../../scripts/hub-server/test-hub";
import type { CatalogEntry } from "../../shared/library";
import type { ModelInfo } from "../../shared/models";
import { createHost, type Host } from "../host";
import { EventLog, invoke, STORIES_GGUF, WORKER_DIR } from "../host-test-kit";
import type { Logger } from "../log/types";

const TOKEN = "hf_SECRET_never_shown_4711";
let hub: TestHub;
let host: Host;
let events: EventLog;
let dataDir: string;
const logged: string[] = [];
const recordingLogger: Logger = { log: (...entry) => void logged.push(JSON.stringify(entry)) };

const catalogEntry: CatalogEntry = {
  id: "stories-test", name: "Stories (test)", family: "llm", format: "gguf", description: "A tiny story model.",
  repo: "tiny/stories-GGUF", revision: "main", files: [{ path: "stories260K.gguf" }], license: "mit",
  defaults: {}, memory: { ram: 10_000_000, vram: 0 }, tags: [],
};

beforeAll(async () => {
  hub = await startTestHub({ token: TOKEN });
  await hub.createRepo("tiny/stories-GGUF", { gated: true, files: [{ path: "stories260K.gguf", content: await readFile(STORIES_GGUF) }] });
  await hub.createRepo("tiny/quants-GGUF", {
    files: [{ path: "tiny.Q4_K_M.gguf", size: 1000, gguf: true }, { path: "tiny.Q8_0.gguf", size: 2000, gguf: true }, { path: "README.md", content: "hi" }],
  });
  await hub.createRepo("junk/not-a-model-GGUF", { files: [{ path: "fake.Q4_0.gguf", size: 3000, seed: 11 }] });
  dataDir = await mkdtemp(path.join(tmpdir(), "atelier-dl-host-"));
  const catalogFile = path.join(dataDir, "catalog.json");
  await writeFile(catalogFile, JSON.stringify({ version: 1, models: [catalogEntry] }));
  host = await createHost({ dataDir, workerDir: WORKER_DIR, mode: "serve", version: "test", logger: recordingLogger, catalogFile });
  events = new EventLog(host);
  await invoke(host, "settings.update", { hub: { endpoint: hub.url } });
});

afterAll(async () => {
  await host.dispose();
  await hub.close();
});

describe("hub and downloads through the host", () => {
  it("stores the access token in a private file and never hands it back", async () => {
    expect(await invoke(host, "hub.tokenStatus", {})).toEqual({ tokenSet: false, encrypted: false });
    expect(await invoke(host, "hub.setToken", { token: TOKEN })).toEqual({ tokenSet: true, encrypted: false });
    expect(await invoke(host, "hub.tokenStatus", {})).toEqual({ tokenSet: true, encrypted: false });
    expect((await stat(path.join(dataDir, "secrets.json"))).mode & 0o777).toBe(0o600);
  });

  it("searches the hub and lists a repository's files with quantization and fit", async () => {
    const found = await invoke(host, "hub.search", { query: "tiny" });
    expect(found.map((model) => model.repo)).toEqual(["tiny/quants-GGUF", "tiny/stories-GGUF"]);
    const files = await invoke(host, "hub.files", { repo: "tiny/quants-GGUF" });
    const q4 = files.find((file) => file.path === "tiny.Q4_K_M.gguf");
    expect(q4).toMatchObject({ size: 1000, quantization: "Q4_K_M", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(q4?.fit?.verdict).toMatch(/gpu|partial|cpu|too-large/);
    expect(files.find((file) => file.path === "README.md")).toEqual({ path: "README.md", size: 2 });
  });

  it("downloads a gated catalog model with the token, which never leaves the hub's origin", async () => {
    const started = await invoke(host, "downloads.start", { catalogId: "stories-test" });
    expect(started).toMatchObject({ modelId: "stories-test", name: "Stories (test)", repo: "tiny/stories-GGUF" });
    const done = await events.waitFor("download.updated", (d) => d.id === started.id && d.state === "completed");
    expect(done.receivedBytes).toBe(done.totalBytes);
    const models = await events.waitFor("models.changed", (e) => e.models.some((m) => m.id === "stories-test"));
    expect(models.models.find((m) => m.id === "stories-test")).toMatchObject({ source: { repo: "tiny/stories-GGUF", catalogId: "stories-test" } });
    const resolve = hub.requests.find((r) => r.url.includes("/resolve/"));
    const cdn = hub.requests.find((r) => r.server === "cdn");
    expect(resolve?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(cdn?.authorization).toBeUndefined();
    expect((await invoke(host, "downloads.start", { catalogId: "stories-test" }).catch((e: Error) => e)) as Error).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("keeps the token out of every response, event and log line", async () => {
    const responses = [await invoke(host, "downloads.list", {}), await invoke(host, "settings.get", {}), await invoke(host, "hub.tokenStatus", {})];
    expect(JSON.stringify(responses)).not.toContain(TOKEN);
    expect(JSON.stringify(events.events)).not.toContain(TOKEN);
    expect(logged.join("\n")).not.toContain(TOKEN);
    expect(await invoke(host, "hub.setToken", { token: null })).toEqual({ tokenSet: false, encrypted: false });
    expect(await readFile(path.join(dataDir, "secrets.json"), "utf8")).not.toContain(TOKEN);
  });

  it("lists a downloaded model before it says completed", async () => {
    // A running app has scanned its models already: models.list answers from that scan.
    await invoke(host, "models.list", {});
    const listedAtCompletion: Promise<ModelInfo[]>[] = [];
    const unsubscribe = host.events.subscribe((event, payload) => {
      if (event === "download.updated" && payload.state === "completed") listedAtCompletion.push(invoke(host, "models.list", {}));
    });
    try {
      const started = await invoke(host, "downloads.start", { repo: "tiny/quants-GGUF", revision: "main", family: "llm", files: ["tiny.Q8_0.gguf"] });
      await events.waitFor("download.updated", (d) => d.id === started.id && d.state === "completed");
      expect(listedAtCompletion).toHaveLength(1);
      expect((await listedAtCompletion[0])?.map((model) => model.id)).toContain(started.modelId);
    } finally {
      unsubscribe();
    }
  });

  it("fails a download that is not a model with MODEL_INCOMPATIBLE, and it is never listed", async () => {
    const started = await invoke(host, "downloads.start", { repo: "junk/not-a-model-GGUF", revision: "main", family: "llm", files: ["fake.Q4_0.gguf"] });
    const failed = await events.waitFor("download.updated", (d) => d.id === started.id && d.state === "failed");
    expect(failed.error).toMatchObject({ code: "MODEL_INCOMPATIBLE", message: expect.stringContaining('"fake.Q4_0.gguf" is not a readable GGUF model') });
    expect((await invoke(host, "models.refresh", {})).map((model) => model.id)).not.toContain(started.modelId);
    expect(await readdir(path.join(dataDir, "models"))).not.toContain(started.modelId);
  });

  it("names unknown downloads and catalog entries", async () => {
    await expect(invoke(host, "downloads.pause", { id: "dl-nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(invoke(host, "downloads.start", { catalogId: "not-in-catalog" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
