import { describe, expect, it } from "vitest";
import { ModelCache, type ModelCacheConfig } from "./model-cache";

/** A cache of fake models that records what was loaded and disposed, in order. */
function fakeCache(config: Partial<ModelCacheConfig> = {}) {
  const events: string[] = [];
  const cache = new ModelCache<string>({
    budgetBytes: 100,
    idleUnloadMs: 0,
    ...config,
    dispose: async (value) => {
      events.push(`dispose ${value}`);
    },
  });
  const loader = (name: string) => async () => {
    events.push(`load ${name}`);
    return name;
  };
  const use = async (name: string, bytes: number) => {
    const value = await cache.acquire(name, bytes, loader(name));
    cache.release(name);
    return value;
  };
  return { cache, events, loader, use };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ModelCache", () => {
  it("returns the loaded value and loads a key only once", async () => {
    const { cache, events, use } = fakeCache();
    expect(await use("a", 10)).toBe("a");
    expect(await use("a", 10)).toBe("a");
    expect(events).toEqual(["load a"]);
    expect(cache.entries().map((entry) => [entry.key, entry.bytes, entry.users])).toEqual([["a", 10, 0]]);
  });

  it("loads once when the same key is acquired concurrently", async () => {
    const { cache, events } = fakeCache();
    let loads = 0;
    const slowLoad = async () => {
      loads++;
      await sleep(20);
      events.push("loaded");
      return "m";
    };
    const values = await Promise.all([cache.acquire("m", 10, slowLoad), cache.acquire("m", 10, slowLoad), cache.acquire("m", 10, slowLoad)]);
    expect(values).toEqual(["m", "m", "m"]);
    expect(loads).toBe(1);
    expect(cache.entries()[0]?.users).toBe(3);
  });

  it("evicts the least recently used model before a load that would exceed the budget", async () => {
    const { cache, events, use } = fakeCache({ budgetBytes: 100 });
    await use("a", 40);
    await sleep(2);
    await use("b", 40);
    await sleep(2);
    await use("a", 40); // a is now the most recently used
    await use("c", 40);
    expect(events).toEqual(["load a", "load b", "dispose b", "load c"]);
    expect(cache.entries().map((entry) => entry.key).sort()).toEqual(["a", "c"]);
  });

  it("never evicts a model in use; loads over budget with a warning instead", async () => {
    const { cache, events, loader } = fakeCache({ budgetBytes: 100 });
    await cache.acquire("a", 80, loader("a"));
    await cache.acquire("b", 80, loader("b"));
    expect(events).toEqual(["load a", "load b"]);
    expect(cache.warnings.at(-1)).toMatch(/exceeds the memory budget/);
  });

  it("loads a single model bigger than the budget alone, with a warning", async () => {
    const { cache, events, use } = fakeCache({ budgetBytes: 100 });
    await use("small", 30);
    await use("huge", 500);
    expect(events).toEqual(["load small", "dispose small", "load huge"]);
    expect(cache.entries().map((entry) => entry.key)).toEqual(["huge"]);
    expect(cache.warnings.at(-1)).toMatch(/"huge".*loaded alone/);
  });

  it("unloads a model after the idle timeout, and not while it is in use", async () => {
    const { cache, events, loader } = fakeCache({ idleUnloadMs: 30 });
    await cache.acquire("a", 10, loader("a"));
    await sleep(60);
    expect(events).toEqual(["load a"]); // still in use
    cache.release("a");
    await sleep(80);
    expect(events).toEqual(["load a", "dispose a"]);
    expect(cache.entries()).toEqual([]);
  });

  it("unload waits for the current user to release the model", async () => {
    const { cache, events, loader } = fakeCache();
    await cache.acquire("a", 10, loader("a"));
    let unloaded = false;
    const unloading = cache.unload("a").then((result) => (unloaded = result));
    await sleep(10);
    expect(unloaded).toBe(false);
    expect(cache.entries()).toEqual([]);
    cache.release("a");
    await unloading;
    expect(unloaded).toBe(true);
    expect(events).toEqual(["load a", "dispose a"]);
    expect(await cache.unload("a")).toBe(false);
  });

  it("unload with ifIdle leaves a model in use loaded, and unloads it once idle", async () => {
    const { cache, events, loader } = fakeCache();
    await cache.acquire("a", 10, loader("a"));
    expect(await cache.unload("a", { ifIdle: true })).toBe(false);
    expect(cache.entries().map((entry) => entry.key)).toEqual(["a"]);
    cache.release("a");
    expect(await cache.unload("a", { ifIdle: true })).toBe(true);
    expect(events).toEqual(["load a", "dispose a"]);
  });

  it("configure with a smaller budget evicts idle models; with an idle timeout schedules their unload", async () => {
    const { cache, events, use } = fakeCache({ budgetBytes: 1000 });
    await use("a", 400);
    await sleep(2);
    await use("b", 400);
    await cache.configure({ budgetBytes: 500, idleUnloadMs: 0 });
    expect(events).toEqual(["load a", "load b", "dispose a"]);
    await cache.configure({ budgetBytes: 500, idleUnloadMs: 20 });
    await sleep(60);
    expect(events.at(-1)).toBe("dispose b");
  });

  it("a failed load leaves nothing behind and can be retried", async () => {
    const { cache, events, loader } = fakeCache();
    await expect(cache.acquire("a", 10, () => Promise.reject(new Error("bad file")))).rejects.toThrow("bad file");
    expect(cache.entries()).toEqual([]);
    expect(await cache.acquire("a", 10, loader("a"))).toBe("a");
    expect(events).toEqual(["load a"]);
  });

  it("setBytes updates the footprint used for later evictions; clear disposes everything", async () => {
    const { cache, events, use } = fakeCache({ budgetBytes: 100 });
    await use("a", 10);
    cache.setBytes("a", 95);
    await use("b", 10);
    expect(events).toEqual(["load a", "dispose a", "load b"]);
    await cache.clear();
    expect(events.at(-1)).toBe("dispose b");
  });
});
