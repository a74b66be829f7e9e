import { stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestHub, type HubFileInfo, type TestHub } from "../../scripts/hub-server/test-hub";
import type { Download } from "../../shared/library";
import { listTree, openManager, sha256OfFile, stagedFiles, type ManagerHarness } from "./download-test-kit";

const REPO = "owner/slow-GGUF";
const SIZE = 600_000;
let hub: TestHub;
let files: HubFileInfo[];
const open: ManagerHarness[] = [];

beforeEach(async () => {
  hub = await startTestHub({ bytesPerSecond: 400_000 });
  files = await hub.createRepo(REPO, { files: [{ path: "slow.Q4_0.gguf", size: SIZE, gguf: true }] });
});

afterEach(async () => {
  for (const harness of open.splice(0)) await harness.close();
  await hub.close();
});

async function manager(dataDir?: string): Promise<ManagerHarness> {
  const harness = await openManager(hub.url, dataDir ? { dataDir } : {});
  open.push(harness);
  return harness;
}

const request = { repo: REPO, revision: "main", family: "llm" as const, files: ["slow.Q4_0.gguf"] };
const partway = (d: Download) => d.state === "downloading" && d.receivedBytes > 100_000;
const cdnRanges = () => hub.requests.filter((r) => r.server === "cdn").map((r) => r.range ?? "none");
const partPath = (h: ManagerHarness, d: Download) => path.join(h.dataDir, "downloads", d.id, "slow.Q4_0.gguf.part");

async function expectInstalled(h: ManagerHarness, d: Download): Promise<void> {
  const done = await h.settled(d.id);
  expect(done.state).toBe("completed");
  expect(await sha256OfFile(path.join(h.dataDir, "models", d.modelId, "slow.Q4_0.gguf"))).toBe(files[0]?.sha256);
}

describe("pause, resume, cancel and restart", () => {
  it("pauses without losing bytes and resumes with a Range from where it stopped", async () => {
    const h = await manager();
    const started = await h.start(request);
    await h.waitFor(started.id, partway);
    const paused = await h.manager.pause(started.id);
    expect(paused.state).toBe("paused");
    expect(paused.bytesPerSecond).toBe(0);
    const kept = (await stat(partPath(h, started))).size;
    expect(kept).toBe(paused.receivedBytes);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.manager.list()[0]?.receivedBytes).toBe(kept);
    await h.manager.resume(started.id);
    await expectInstalled(h, started);
    expect(cdnRanges()).toEqual(["none", `bytes=${kept}-`]);
  });

  it("cancels a running download and removes its partial files", async () => {
    const h = await manager();
    const started = await h.start(request);
    await h.waitFor(started.id, partway);
    const cancelled = await h.manager.cancel(started.id);
    expect(cancelled).toMatchObject({ state: "cancelled", receivedBytes: 0 });
    expect(await stagedFiles(h)).toEqual([]);
    expect(await listTree(path.join(h.dataDir, "models"))).toEqual([]);
    expect(await h.manager.clearFinished()).toBe(1);
    expect(h.manager.list()).toEqual([]);
  });

  it("cancels a paused download and removes its partial files", async () => {
    const h = await manager();
    const started = await h.start(request);
    await h.waitFor(started.id, partway);
    await h.manager.pause(started.id);
    expect((await stat(partPath(h, started))).size).toBeGreaterThan(0);
    expect((await h.manager.cancel(started.id)).state).toBe("cancelled");
    expect(await stagedFiles(h)).toEqual([]);
  });

  it("continues from the part file after a restart, without starting over", async () => {
    const first = await manager();
    const started = await first.start(request);
    await first.waitFor(started.id, partway);
    await first.close();
    open.splice(open.indexOf(first), 1);
    const kept = (await stat(partPath(first, started))).size;
    expect(kept).toBeGreaterThan(100_000);

    const second = await manager(first.dataDir);
    const restored = second.manager.list()[0];
    expect(restored?.id).toBe(started.id);
    await expectInstalled(second, started);
    expect(cdnRanges()).toEqual(["none", `bytes=${kept}-`]);
  });

  it("keeps a paused download paused across a restart, then resumes it from its part", async () => {
    const first = await manager();
    const started = await first.start(request);
    await first.waitFor(started.id, partway);
    const paused = await first.manager.pause(started.id);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await manager(first.dataDir);
    expect(second.manager.list()[0]).toMatchObject({ state: "paused", receivedBytes: paused.receivedBytes });
    await second.manager.resume(started.id);
    await expectInstalled(second, started);
    expect(cdnRanges().at(-1)).toBe(`bytes=${paused.receivedBytes}-`);
  });

  it("runs two downloads at a time and queues the rest", async () => {
    for (const name of ["b", "c"]) await hub.createRepo(`owner/${name}-GGUF`, { files: [{ path: `${name}.gguf`, size: SIZE, gguf: true }] });
    const h = await manager();
    const downloads = [
      await h.start(request),
      await h.start({ ...request, repo: "owner/b-GGUF", files: ["b.gguf"] }),
      await h.start({ ...request, repo: "owner/c-GGUF", files: ["c.gguf"] }),
    ];
    expect(h.manager.list().map((d) => d.state).sort()).toEqual(["downloading", "downloading", "queued"]);
    for (const d of downloads) expect((await h.settled(d.id)).state).toBe("completed");
    // Replaying the events: never more than two downloading at once.
    const latest = new Map<string, string>();
    let most = 0;
    for (const update of h.updates) {
      latest.set(update.id, update.state);
      most = Math.max(most, [...latest.values()].filter((state) => state === "downloading").length);
    }
    expect(most).toBe(2);
  });
});
