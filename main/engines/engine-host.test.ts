import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { EngineHost } from "./engine-host";
import { memoryLogger } from "./testing/engine-test-support";
import { isAlive, probeHosts, probeLauncher } from "./testing/probe-host";
import type { ProbeMethods } from "./testing/probe-worker";

const hosts = probeHosts();
const probeHost = hosts.make;

afterEach(async () => {
  await hosts.stopAll();
});

describe("EngineHost with a real worker process", () => {
  it("starts lazily, answers calls and streams their events in order", async () => {
    const { host, states } = probeHost();
    expect(host.state).toBe("stopped");
    const events: number[] = [];
    const results = await Promise.all([
      host.call("echo", { text: "a", events: 5 }, { onEvent: (event) => events.push(event.index) }),
      host.call("echo", { text: "b", events: 0 }),
    ]);
    expect(results).toEqual([{ text: "a" }, { text: "b" }]);
    expect(events).toEqual([0, 1, 2, 3, 4]);
    expect(states).toEqual(["starting", "ready"]);
    expect(host.pid).toEqual(expect.any(Number));
  });

  it("rethrows worker errors as AppError; plain errors become INTERNAL; unknown methods INVALID_INPUT", async () => {
    const { host } = probeHost();
    const failure = await host.call("fail", { code: "MODEL_INCOMPATIBLE", message: "Nope." }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: "MODEL_INCOMPATIBLE", message: "Nope.", details: { from: "probe" } });
    await expect(host.call("throwPlain", { message: "boom" })).rejects.toMatchObject({ code: "INTERNAL", message: "boom" });
    const untyped = host as unknown as EngineHost<Record<string, { input: unknown; output: unknown; event: never }>>;
    await expect(untyped.call("noSuchMethod", {})).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("cancel aborts the handler and rejects with CANCELLED", async () => {
    const { host } = probeHost();
    await host.call("echo", { text: "warm", events: 0 });
    const controller = new AbortController();
    const call = host.call("wait", { ms: 10_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const startedAt = performance.now();
    await expect(call).rejects.toMatchObject({ code: "CANCELLED" });
    expect(performance.now() - startedAt).toBeLessThan(1000);
    await expect(host.call("wait", { ms: 1 })).resolves.toEqual({ waited: 1 });
  });

  it("a cancelled call whose worker never answers is still rejected after the grace; the worker stays usable", async () => {
    const { host } = probeHost({ cancelGraceMs: 200 });
    await host.call("echo", { text: "warm", events: 0 });
    const pid = host.pid;
    const controller = new AbortController();
    const call = host.call("hang", {}, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: "CANCELLED" });
    await expect(host.call("echo", { text: "still here", events: 0 })).resolves.toEqual({ text: "still here" });
    expect(host.pid).toBe(pid);
  });

  it("an already aborted signal is rejected without starting a process", async () => {
    const { host, launcher } = probeHost();
    await expect(host.call("echo", { text: "x", events: 0 }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "CANCELLED" });
    expect(launcher.pids).toEqual([]);
  });

  it("an ifRunning call never starts a process: refused while stopped or stopping, answered while ready", async () => {
    const { host, launcher } = probeHost();
    const echo = (text: string) => host.call("echo", { text, events: 0 }, { ifRunning: true });
    await expect(echo("cold")).rejects.toMatchObject({ code: "CANCELLED", message: "The llm engine is not running." });
    expect(launcher.pids).toEqual([]);
    await host.call("echo", { text: "warm", events: 0 });
    await expect(echo("running")).resolves.toEqual({ text: "running" });
    const stopping = host.stop();
    await expect(echo("stopping")).rejects.toMatchObject({ code: "CANCELLED" });
    await stopping;
    await expect(echo("stopped")).rejects.toMatchObject({ code: "CANCELLED" });
    expect(launcher.pids).toHaveLength(1);
    expect(host.state).toBe("stopped");
  });

  it("a process exit fails pending calls with ENGINE_CRASHED; the next call runs on a new process", async () => {
    const { host, states, launcher } = probeHost();
    const first = await host.call("pid", {});
    const pending = host.call("wait", { ms: 10_000 }).catch((error: unknown) => error);
    await expect(host.call("exit", { code: 3 })).rejects.toMatchObject({ code: "ENGINE_CRASHED" });
    expect(await pending).toMatchObject({ code: "ENGINE_CRASHED", message: expect.stringMatching(/llm engine stopped unexpectedly \(exit code 3\)/) });
    expect(host.state).toBe("crashed");
    const second = await host.call("pid", {});
    expect(second.pid).not.toBe(first.pid);
    expect(second.generation).toBe(first.generation + 1);
    expect(launcher.pids).toHaveLength(2);
    expect(states).toEqual(["starting", "ready", "crashed", "starting", "ready"]);
  });

  it("ignores frames stamped with another generation: a worker that never speaks for this one times out and is killed", async () => {
    const launcher = probeLauncher(1);
    const host = new EngineHost<ProbeMethods>({ engine: "llm", launcher, logger: memoryLogger(), readyTimeoutMs: 1500 });
    hosts.adopt(host);
    await expect(host.call("echo", { text: "x", events: 0 })).rejects.toMatchObject({
      code: "ENGINE_CRASHED",
      message: expect.stringMatching(/did not start within 1.5 s/),
    });
    expect(host.state).toBe("crashed");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(launcher.pids.map(isAlive)).toEqual([false]);
  });

  it("stop sends shutdown, the worker exits, pending calls are cancelled", async () => {
    const { host, launcher } = probeHost();
    await host.call("echo", { text: "warm", events: 0 });
    const pending = host.call("wait", { ms: 10_000 }).catch((error: unknown) => error);
    const startedAt = performance.now();
    await host.stop();
    expect(performance.now() - startedAt).toBeLessThan(2000);
    expect(await pending).toMatchObject({ code: "CANCELLED" });
    expect(host.state).toBe("stopped");
    expect(host.pid).toBeUndefined();
    expect(launcher.pids.map(isAlive)).toEqual([false]);
  });

  it("stop kills a worker that does not exit within the stop budget", async () => {
    const { host, launcher } = probeHost({ stopBudgetMs: 300 });
    await host.call("echo", { text: "warm", events: 0 });
    const blocked = host.call("block", { ms: 20_000 }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const startedAt = performance.now();
    await host.stop();
    expect(performance.now() - startedAt).toBeLessThan(2500);
    expect(await blocked).toMatchObject({ code: "CANCELLED" });
    expect(launcher.pids.map(isAlive)).toEqual([false]);
    expect(host.state).toBe("stopped");
  });
});
