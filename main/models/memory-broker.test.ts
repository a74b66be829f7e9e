import { describe, expect, it } from "vitest";
import type { EngineName } from "../../shared/jobs";
import type { ModelInfo } from "../../shared/models";
import { loadedModelOf } from "../engines/cache-methods";
import { ModelCache } from "../engines/model-cache";
import { silentLogger } from "../log/types";
import type { ManagedEngine } from "./configured-engine";
import { MemoryBroker } from "./memory-broker";

/**
 * The broker's policy over engines reduced to their real model caches (the engine processes
 * themselves are exercised by memory-budget.test.ts): what gets unloaded, and when.
 */
function engineOver(engine: EngineName): ManagedEngine & { cache: ModelCache<string> } {
  const cache = new ModelCache<string>({ budgetBytes: Number.POSITIVE_INFINITY, idleUnloadMs: 0, dispose: async () => undefined });
  return {
    engine,
    cache,
    state: "ready",
    pid: 1,
    loaded: async () => cache.entries().map((entry) => loadedModelOf(entry, engine)),
    unload: (modelId, options) => cache.unload(modelId, options),
    reconfigure: () => undefined,
    processChanged: () => undefined,
    stop: async () => undefined,
  };
}

const model = (id: string, sizeBytes: number): ModelInfo => ({ id, name: id, family: "llm", format: "gguf", path: `/m/${id}`, sizeBytes });

function rig(budget: number, sizes: Record<string, number>) {
  const engines = { llm: engineOver("llm"), image: engineOver("image"), speech: engineOver("speech") };
  const broker = new MemoryBroker({
    engines: () => Object.values(engines),
    getModel: async (id) => model(id, sizes[id] ?? 0),
    budgetBytes: () => budget,
    logger: silentLogger,
  });
  const load = async (engine: keyof typeof engines, id: string) => {
    await engines[engine].cache.acquire(id, sizes[id] ?? 0, async () => id);
    engines[engine].cache.release(id);
  };
  const held = () => Object.values(engines).flatMap((each) => each.cache.entries().map((entry) => entry.key));
  return { engines, broker, load, held };
}

describe("MemoryBroker", () => {
  it("unloads the least recently used idle model of any engine, and only as many as needed", async () => {
    const { broker, load, held } = rig(100, { a: 40, b: 40, c: 40 });
    await load("llm", "a");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await load("image", "b");
    await broker.makeRoom("speech", ["c"]);
    expect(held()).toEqual(["b"]);
  });

  it("counts room made for a load still under way, so two jobs starting together do not share it", async () => {
    const { broker, load, held } = rig(100, { a: 40, b: 40, c: 40 });
    await load("llm", "a");
    // Both before either engine has loaded anything: the second sees the first's reservation.
    await Promise.all([broker.makeRoom("image", ["b"]), broker.makeRoom("speech", ["c"])]);
    expect(held()).toEqual([]);
  });

  it("leaves models in use alone, and does not wait for their jobs", async () => {
    const { engines, broker, held } = rig(50, { a: 40, c: 40 });
    await engines.llm.cache.acquire("a", 40, async () => "a");
    await broker.makeRoom("speech", ["c"]);
    expect(held()).toEqual(["a"]);
    engines.llm.cache.release("a");
  });
});
