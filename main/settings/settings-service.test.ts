import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { EventPayload } from "../../shared/contract";
import { DEFAULT_SETTINGS } from "../../shared/settings";
import { createEventBus } from "../events/bus";
import { silentLogger } from "../log/types";
import { createSettingsService } from "./settings-service";

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-settings-"));
  file = path.join(dir, "settings.json");
});

async function open() {
  const events = createEventBus(silentLogger);
  const changes: EventPayload<"settings.changed">[] = [];
  events.subscribe((event, payload) => {
    if (event === "settings.changed") changes.push(payload);
  });
  return { service: await createSettingsService({ file, events, logger: silentLogger }), changes };
}

describe("settings service", () => {
  it("starts from defaults and saves them", async () => {
    const { service } = await open();
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(DEFAULT_SETTINGS);
  });

  it("merges a patch per section, saves atomically, emits settings.changed, and reloads it", async () => {
    const { service, changes } = await open();
    const next = await service.update({ llm: { threads: 1 } });
    expect(next.llm).toEqual({ threads: 1, gpuLayers: "auto" });
    expect(next.engines).toEqual(DEFAULT_SETTINGS.engines);
    await service.update({ engines: { concurrency: 2 } });
    expect(changes.map((c) => [c.llm.threads, c.engines.concurrency])).toEqual([[1, 1], [1, 2]]);
    expect(await readdir(dir)).toEqual(["settings.json"]);
    const reopened = await open();
    expect(reopened.service.get().llm.threads).toBe(1);
    expect(reopened.service.get().engines.concurrency).toBe(2);
  });

  it("keeps the last update when several are in flight", async () => {
    const { service } = await open();
    await Promise.all([1, 2, 3, 4].map((threads) => service.update({ llm: { threads } })));
    expect(service.get().llm.threads).toBe(4);
    expect(JSON.parse(await readFile(file, "utf8")).llm.threads).toBe(4);
  });

  it.each([
    ["not JSON", "{{{"],
    ["out-of-range values", JSON.stringify({ llm: { threads: -5 }, engines: {} })],
  ])("keeps a settings file with %s aside and falls back to defaults", async (_label, text) => {
    await writeFile(file, text);
    const { service } = await open();
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    const names = await readdir(dir);
    const backup = names.find((name) => name.startsWith("settings.json.corrupt-"));
    expect(backup).toBeDefined();
    expect(await readFile(path.join(dir, backup ?? ""), "utf8")).toBe(text);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(DEFAULT_SETTINGS);
  });

  it("saves every section of a patch, the image provider included", async () => {
    const { service } = await open();
    expect((await service.update({ image: { provider: "cpu" } })).image.provider).toBe("cpu");
    expect(JSON.parse(await readFile(file, "utf8")).image.provider).toBe("cpu");
    expect((await open()).service.get().image.provider).toBe("cpu");
  });

  it("keeps the running value and says why when the save fails", async () => {
    const { service, changes } = await open();
    await service.update({ engines: { concurrency: 2 } });
    // A folder where the file should be: the rename of the saved file fails.
    await rm(file);
    await mkdir(path.join(file, "in-the-way"), { recursive: true });
    await expect(service.update({ engines: { concurrency: 5 } })).rejects.toThrow();
    expect(service.get().engines.concurrency).toBe(2);
    expect(changes.map((c) => c.engines.concurrency)).toEqual([2]);
    // Later updates still go through once the file can be written again.
    await rm(file, { recursive: true });
    expect((await service.update({ engines: { concurrency: 3 } })).engines.concurrency).toBe(3);
  });
});
