import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type HubFileInfo, type TestHub } from "../../scripts/hub-server/test-hub";
import type { Download } from "../../shared/library";
import { GATED_MESSAGE } from "../hub/hub-errors";
import { modelManifestSchema } from "../models/manifest";
import { listTree, openManager, sha256OfFile, type ManagerHarness } from "./download-test-kit";

const DOWNLOADS = 60;
const SEED = 20_251_124;
let hub: TestHub;
let harness: ManagerHarness;
const repos = new Map<string, HubFileInfo[]>();

beforeAll(async () => {
  hub = await startTestHub();
  for (let i = 0; i < DOWNLOADS; i++) {
    const repo = `fault/model-${i}`;
    const sizes = [1 + ((i * 7919) % 60_000), 20_000 + ((i * 104_729) % 90_000), (i * 13) % 3000];
    repos.set(repo, await hub.createRepo(repo, {
      files: [
        { path: `weights-${i}.gguf`, size: 512 + (sizes[0] ?? 1), gguf: true },
        { path: "extra/part.bin", size: sizes[1] ?? 1, seed: i * 3 + 2 },
        { path: "config.json", content: JSON.stringify({ model: i, pad: "x".repeat(sizes[2] ?? 0) }) },
      ],
    }));
  }
  harness = await openManager(hub.url, { concurrency: 4 });
}, 120_000);

afterAll(async () => {
  await harness.close();
  await hub.close();
});

/** The faults the hub injected while serving this repository. */
function faultsOf(repo: string): Set<string> {
  return new Set(hub.requests.filter((r) => r.url.includes(`/${repo}/`) && r.fault).map((r) => r.fault ?? ""));
}

function expectRightError(download: Download): void {
  const faults = faultsOf(download.repo);
  const { code, message } = download.error ?? { code: "none", message: "" };
  const context = `${download.repo}: ${code} ${message} after faults ${[...faults].join(",")}`;
  if (code === "CHECKSUM_MISMATCH") expect(faults.has("corrupt") || faults.has("wrong-size"), context).toBe(true);
  else if (message === GATED_MESSAGE) expect(faults.has("401") || faults.has("403"), context).toBe(true);
  else if (message.startsWith("Not found on the hub")) expect(faults.has("404"), context).toBe(true);
  else {
    expect(message, context).toMatch(/failed 5 times in a row/);
    expect(faults.has("500") || faults.has("drop") || faults.has("stall") || faults.has("gzip"), context).toBe(true);
  }
}

/** Installed means: manifest present, every file there with the hub's sha256, and nothing else. */
async function expectInstalled(download: Download): Promise<void> {
  const dir = path.join(harness.dataDir, "models", download.modelId);
  const manifest = modelManifestSchema.parse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")));
  const expected = repos.get(download.repo) ?? [];
  expect(manifest.files.map((f) => [f.path, f.size, f.sha256])).toEqual(expected.map((f) => [f.path, f.size, f.sha256]));
  expect(await listTree(dir)).toEqual([...expected.map((f) => f.path), "manifest.json"].sort());
  for (const file of expected) expect(await sha256OfFile(path.join(dir, file.path)), `${download.repo}/${file.path}`).toBe(file.sha256);
}

describe("downloads under random faults", () => {
  it(`ends ${DOWNLOADS} downloads either verified and installed or failed with the right error, never half-installed`, async () => {
    hub.setFaults({ seed: SEED, rate: 0.2 });
    const started: Download[] = [];
    for (const repo of repos.keys()) {
      started.push(await harness.start({ repo, revision: "main", family: "llm", files: (repos.get(repo) ?? []).map((f) => f.path) }));
    }
    const finished = await Promise.all(started.map((download) => harness.settled(download.id, 110_000)));
    const completed = finished.filter((d) => d.state === "completed");
    const failed = finished.filter((d) => d.state === "failed");
    expect(completed.length + failed.length).toBe(DOWNLOADS);
    expect(completed.length).toBeGreaterThan(DOWNLOADS / 3);
    const kinds = new Set(hub.requests.map((r) => r.fault).filter((fault) => fault !== undefined));
    expect(kinds.size, [...kinds].join()).toBeGreaterThanOrEqual(7);
    expect(failed.length).toBeGreaterThan(0);
    for (const download of completed) await expectInstalled(download);
    for (const download of failed) expectRightError(download);

    // No half-installed model anywhere: exactly one folder per completed download.
    const folders = (await readdir(path.join(harness.dataDir, "models"))).sort();
    expect(folders).toEqual(completed.map((d) => d.modelId).sort());

    // Every failure can be retried: with the faults gone, each resumes and installs.
    hub.setFaults({});
    for (const download of failed) await harness.manager.resume(download.id);
    for (const download of failed) {
      expect((await harness.settled(download.id, 60_000)).state).toBe("completed");
      await expectInstalled(download);
    }
  }, 180_000);
});
