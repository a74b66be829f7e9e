import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { EngineStatus } from "../../shared/models";
import type { Host } from "../host";
import { EventLog, invoke, openTestHost, tempDataDir } from "../host-test-kit";
import { installOnnxModel } from "./testing/install-onnx-model";

/** The engine machinery is the same for every engine: here the image engine's pipeline cache, on a real host. */

let host: Host;
let log: EventLog;

beforeAll(async () => {
  const dataDir = await tempDataDir();
  await installOnnxModel(dataDir, inject("imageFixtures").sd15, { id: "tiny-sd", name: "Tiny SD", family: "image" });
  host = await openTestHost(dataDir);
  log = new EventLog(host);
});
afterAll(() => host.dispose());

const byEngine = async (): Promise<Record<string, EngineStatus>> =>
  Object.fromEntries((await invoke(host, "engines.status", {})).map((status) => [status.engine, status]));

async function generate(): Promise<void> {
  const request = { modelId: "tiny-sd", prompt: "a boat", width: 64, height: 64, steps: 2, seed: 1 };
  const { jobIds } = await invoke(host, "image.generate", request);
  expect((await log.finalJob(jobIds[0] ?? "")).status).toBe("succeeded");
}

describe("the image engine in engines.status, models.unload and the cache limits", () => {
  it("lists the loaded pipeline with its memory, and starts no other engine", async () => {
    await generate();
    const engines = await byEngine();
    expect(engines.image).toMatchObject({ state: "ready", pid: expect.any(Number) });
    expect(engines.image?.loaded).toEqual([{ modelId: "tiny-sd", engine: "image", memoryBytes: expect.any(Number), lastUsedAt: expect.any(Number), inUse: false }]);
    expect(engines.image?.loaded[0]?.memoryBytes).toBeGreaterThan(0);
    for (const other of ["llm", "speech", "onnx"]) expect(engines[other]).toEqual({ engine: other, state: "stopped", loaded: [] });
  });

  it("unloads the pipeline on models.unload", async () => {
    expect(await invoke(host, "models.unload", { id: "tiny-sd" })).toEqual({ unloaded: true });
    expect((await byEngine()).image?.loaded).toEqual([]);
    expect(await invoke(host, "models.unload", { id: "tiny-sd" })).toEqual({ unloaded: false });
  });

  it("gets new cache limits as soon as settings change: an idle time of 0.01 minutes unloads the pipeline", async () => {
    await generate();
    const pid = (await byEngine()).image?.pid;
    expect((await byEngine()).image?.loaded).toHaveLength(1);
    await invoke(host, "settings.update", { engines: { idleUnloadMinutes: 0.01 } });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await byEngine()).image).toEqual({ engine: "image", state: "ready", pid, loaded: [] });
  });
});
