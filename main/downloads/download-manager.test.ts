import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../../scripts/hub-server/test-hub";
import { HubClient } from "../hub/hub-client";
import { modelManifestSchema } from "../models/manifest";
import { listTree, openManager, sha256OfFile, stagedFiles, type ManagerHarness } from "./download-test-kit";

let hub: TestHub;
let harness: ManagerHarness | undefined;

beforeEach(async () => {
  hub = await startTestHub();
});

afterEach(async () => {
  await harness?.close();
  harness = undefined;
  await hub.close();
});

describe("DownloadManager", () => {
  it("downloads every file, verifies it and installs the model with its manifest written last", async () => {
    const files = await hub.createRepo("owner/tiny-GGUF", {
      files: [
        { path: "tiny.Q4_K_M.gguf", size: 300_000, gguf: true },
        { path: "config.json", content: '{"a":1}' },
        { path: "nested/extra.bin", size: 70_000 },
      ],
    });
    harness = await openManager(hub.url);
    const started = await harness.start({ repo: "owner/tiny-GGUF", revision: "main", family: "llm", files: files.map((f) => f.path) });
    // A single GGUF is its own model, named after the file (each quantization can be installed).
    expect(started).toMatchObject({ modelId: "tiny.q4_k_m", name: "tiny.Q4_K_M", totalBytes: 370_007, receivedBytes: 0 });
    expect(["queued", "downloading"]).toContain(started.state);
    const done = await harness.settled(started.id);
    expect(done).toMatchObject({ state: "completed", receivedBytes: 370_007 });
    expect(done.files.every((file) => file.verified && file.receivedBytes === file.size)).toBe(true);

    const modelDir = path.join(harness.dataDir, "models", started.modelId);
    expect(await listTree(path.join(harness.dataDir, "models"))).toEqual(
      ["config.json", "manifest.json", "nested/extra.bin", "tiny.Q4_K_M.gguf"].map((f) => path.join(started.modelId, f)),
    );
    const manifest = modelManifestSchema.parse(JSON.parse(await readFile(path.join(modelDir, "manifest.json"), "utf8")));
    expect(manifest).toMatchObject({ id: started.modelId, family: "llm", format: "gguf", entry: "tiny.Q4_K_M.gguf" });
    // Pinned: every file came from the commit main pointed at when the download started.
    const commit = await new HubClient({ endpoint: () => hub.url, token: async () => undefined }).resolveRevision("owner/tiny-GGUF", "main");
    expect(manifest.source).toEqual({ repo: "owner/tiny-GGUF", revision: "main", commit });
    const resolves = hub.requests.filter((r) => r.url.includes("/resolve/"));
    expect(resolves.length).toBe(3);
    expect(resolves.every((r) => r.url.includes(`/resolve/${commit}/`))).toBe(true);
    for (const file of files) {
      expect(await sha256OfFile(path.join(modelDir, file.path))).toBe(file.sha256);
      expect(manifest.files.find((f) => f.path === file.path)).toEqual({ path: file.path, size: file.size, sha256: file.sha256 });
    }
    // Nothing left behind in staging.
    expect(await stagedFiles(harness)).toEqual([]);
    // Events: a final one always arrives, and states appear in order.
    const states = harness.updates.filter((u) => u.id === started.id).map((u) => u.state);
    expect(states.at(-1)).toBe("completed");
    expect(states.indexOf("installing")).toBeGreaterThan(states.indexOf("downloading"));
    // Resolve went to the hub, bytes came from the CDN (another origin).
    expect(hub.requests.filter((r) => r.server === "cdn" && r.status === 200)).toHaveLength(3);
  });
});
