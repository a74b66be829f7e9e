import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestHub, type FaultRule, type TestHub } from "../../scripts/hub-server/test-hub";
import { appErrorOf } from "../host-test-kit";
import { GATED_MESSAGE } from "../hub/hub-errors";
import { listTree, openManager, sha256OfFile, stagedFiles, type ManagerHarness } from "./download-test-kit";

const REPO = "owner/model-GGUF";
let hub: TestHub;
let harness: ManagerHarness;
let sha256: string | undefined;

beforeEach(async () => {
  hub = await startTestHub();
  sha256 = (await hub.createRepo(REPO, { files: [{ path: "model.Q4_0.gguf", size: 200_000, gguf: true }] }))[0]?.sha256;
  harness = await openManager(hub.url);
});

afterEach(async () => {
  await harness.close();
  await hub.close();
});

const request = { repo: REPO, revision: "main", family: "llm" as const, files: ["model.Q4_0.gguf"] };
const models = () => listTree(path.join(harness.dataDir, "models"));

async function failWith(rules: FaultRule[]) {
  hub.setFaults({ rules });
  const started = await harness.start(request);
  return { started, done: await harness.settled(started.id) };
}

describe("download failures", () => {
  it("reports DISK_FULL before any byte is written when the files cannot fit", async () => {
    await hub.createRepo("owner/huge-GGUF", { files: [{ path: "huge.gguf", size: 2 ** 50, virtual: true }] });
    const error = await appErrorOf(harness.start({ ...request, repo: "owner/huge-GGUF", files: ["huge.gguf"] }));
    expect(error.code).toBe("DISK_FULL");
    expect(error.message).toMatch(/needs 1\.1 PB and .* is free/);
    expect(error.details).toMatchObject({ neededBytes: 2 ** 50, freeBytes: expect.any(Number) });
    expect(hub.requests.filter((r) => r.url.includes("/resolve/") || r.server === "cdn")).toEqual([]);
    expect(await stagedFiles(harness)).toEqual([]);
    expect(harness.manager.list()).toEqual([]);
  });

  it.each([
    ["401", GATED_MESSAGE],
    ["403", GATED_MESSAGE],
    ["404", expect.stringMatching(/^Not found on the hub: model\.Q4_0\.gguf in owner\/model-GGUF at main \([0-9a-f]{7}\)\.$/)],
  ] as const)("fails at once on %s, saying what to do", async (kind, message) => {
    const { done } = await failWith([{ kind }]);
    expect(done).toMatchObject({ state: "failed", attempts: 0, error: { code: "DOWNLOAD_FAILED", message } });
    expect(await models()).toEqual([]);
  });

  it("retries server errors with backoff, then succeeds", async () => {
    const { started, done } = await failWith([{ kind: "500", times: 3 }]);
    expect(done).toMatchObject({ state: "completed", attempts: 3 });
    expect(await sha256OfFile(path.join(harness.dataDir, "models", started.modelId, "model.Q4_0.gguf"))).toBe(sha256);
  });

  it("gives up after a bounded number of retries, and a resume retries for real", async () => {
    const { started, done } = await failWith([{ kind: "500" }]);
    expect(done.state).toBe("failed");
    expect(done.error?.code).toBe("DOWNLOAD_FAILED");
    expect(done.error?.message).toMatch(/model\.Q4_0\.gguf failed 5 times in a row \(the hub answered 500\)\. Resume to try again\./);
    expect(hub.requests.filter((r) => r.status === 500)).toHaveLength(5);
    hub.setFaults({});
    await harness.manager.resume(started.id);
    expect((await harness.settled(started.id)).state).toBe("completed");
  });

  it.each(["corrupt", "wrong-size"] as const)("deletes a %s file as CHECKSUM_MISMATCH; resuming fetches it clean", async (kind) => {
    const { started, done } = await failWith([{ kind, times: 1 }]);
    expect(done).toMatchObject({ state: "failed", receivedBytes: 0, error: { code: "CHECKSUM_MISMATCH" } });
    expect(await stagedFiles(harness)).toEqual([]);
    expect(await models()).toEqual([]);
    await harness.manager.resume(started.id);
    expect((await harness.settled(started.id)).state).toBe("completed");
    expect(await sha256OfFile(path.join(harness.dataDir, "models", started.modelId, "model.Q4_0.gguf"))).toBe(sha256);
  });

  it("retries a stalled connection from where it stopped", async () => {
    const { done } = await failWith([{ kind: "stall", times: 1 }]);
    expect(done).toMatchObject({ state: "completed", attempts: 1 });
    const ranges = hub.requests.filter((r) => r.server === "cdn").map((r) => r.range);
    expect(ranges).toHaveLength(2);
  });

  it("fails with a clear message when the connection keeps stalling", async () => {
    const { done } = await failWith([{ kind: "stall", atByte: 0 }]);
    expect(done.error?.message).toMatch(/failed 5 times in a row \(no data for 300 ms\)/);
  });

  it("retries a file sent compressed although asked not to", async () => {
    const { started, done } = await failWith([{ kind: "gzip", times: 1 }]);
    expect(done).toMatchObject({ state: "completed", attempts: 1 });
    expect(await sha256OfFile(path.join(harness.dataDir, "models", started.modelId, "model.Q4_0.gguf"))).toBe(sha256);
  });

  it("says so when the server keeps compressing the file", async () => {
    const { done } = await failWith([{ kind: "gzip" }]);
    expect(done.error?.message).toMatch(/failed 5 times in a row \(the server sent the file compressed \(gzip\) although asked not to\)/);
  });

  it("starts a file over cleanly when the server ignores the Range", async () => {
    hub.setBytesPerSecond(300_000);
    const started = await harness.start(request);
    await harness.waitFor(started.id, (d) => d.receivedBytes > 50_000);
    await harness.manager.pause(started.id);
    hub.setBytesPerSecond(0);
    hub.setFaults({ rules: [{ kind: "ignore-range", times: 1 }] });
    await harness.manager.resume(started.id);
    expect((await harness.settled(started.id)).state).toBe("completed");
    const cdn = hub.requests.filter((r) => r.server === "cdn");
    expect(cdn.map((r) => [r.status, r.fault])).toEqual([[200, undefined], [200, "ignore-range"]]);
    expect(await sha256OfFile(path.join(harness.dataDir, "models", started.modelId, "model.Q4_0.gguf"))).toBe(sha256);
  });

  it("refuses a model already installed, one already in the list, and a file the repository lacks", async () => {
    const first = await harness.start(request);
    expect((await appErrorOf(harness.start(request))).code).toBe("INVALID_INPUT");
    await harness.settled(first.id);
    const installed = await appErrorOf(harness.start(request));
    expect(installed).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("already installed") });
    const missing = await appErrorOf(harness.start({ ...request, files: ["nope.gguf"] }));
    expect(missing).toMatchObject({ code: "NOT_FOUND", message: "owner/model-GGUF has no file nope.gguf at main." });
  });
});
