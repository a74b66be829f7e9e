import { afterEach, describe, expect, it } from "vitest";
import type { EngineLiveness } from "./engine-liveness";
import { isAlive, probeHosts } from "./testing/probe-host";

/** Hung workers (alive, but their event loop not running) on the probe worker: SIGSTOP, a blocked loop, an ignored cancel. */
const hosts = probeHosts();
const stopped: number[] = [];

afterEach(async () => {
  for (const pid of stopped.splice(0)) if (isAlive(pid)) process.kill(pid, "SIGKILL");
  await hosts.stopAll();
});

const FAST: EngineLiveness = { heartbeatIntervalMs: 100, hangTimeoutMs: 1_000, cancelAckMs: 500 };

function stop(pid: number | undefined): number {
  if (pid === undefined) throw new Error("no process to stop");
  stopped.push(pid);
  process.kill(pid, "SIGSTOP");
  return pid;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, timeoutMs: number): Promise<number> {
  const startedAt = performance.now();
  while (!condition()) {
    if (performance.now() - startedAt > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
  return performance.now() - startedAt;
}

describe("EngineHost with a hung worker", () => {
  it("a worker stopped with SIGSTOP mid-call is killed: the call fails with ENGINE_HUNG, the next call runs on a new process", async () => {
    const { host, states } = hosts.make({ liveness: FAST });
    const first = await host.call("pid", {});
    const pending = host.call("wait", { ms: 30_000 }).catch((error: unknown) => error);
    const startedAt = performance.now();
    stop(host.pid);
    expect(await pending).toMatchObject({ code: "ENGINE_HUNG", message: expect.stringMatching(/The llm engine stopped responding \(no answer for [\d.]+ s\)/) });
    expect(performance.now() - startedAt).toBeLessThan(FAST.hangTimeoutMs + 1_000);
    expect(host.state).toBe("crashed");
    await until(() => !isAlive(first.pid), 2_000);

    const second = await host.call("pid", {});
    expect(second.pid).not.toBe(first.pid);
    expect(states).toEqual(["starting", "ready", "crashed", "starting", "ready"]);
  });

  it("a worker whose event loop is blocked counts as hung too", async () => {
    const { host, launcher } = hosts.make({ liveness: FAST });
    await host.call("echo", { text: "warm", events: 0 });
    await expect(host.call("block", { ms: 20_000 })).rejects.toMatchObject({ code: "ENGINE_HUNG" });
    await until(() => launcher.pids.every((pid) => !isAlive(pid)), 2_000);
  });

  it("a long call whose worker keeps its event loop running is not a hang, however short the limit", async () => {
    const { host, states } = hosts.make({ liveness: { heartbeatIntervalMs: 50, hangTimeoutMs: 300, cancelAckMs: 300 } });
    await expect(host.call("wait", { ms: 2_000 })).resolves.toEqual({ waited: 2_000 });
    expect(states).toEqual(["starting", "ready"]);
  });

  it("this process stalling longer than the limit does not make a healthy worker look hung", async () => {
    const { host, states } = hosts.make({ liveness: { heartbeatIntervalMs: 100, hangTimeoutMs: 500, cancelAckMs: 500 } });
    await host.call("echo", { text: "warm", events: 0 });
    const blockedUntil = Date.now() + 1_500;
    while (Date.now() < blockedUntil); // the host's own event loop, not the worker's
    await sleep(300);
    await expect(host.call("echo", { text: "after", events: 0 })).resolves.toEqual({ text: "after" });
    expect(states).toEqual(["starting", "ready"]);
  });

  it("cancel on a stopped worker: CANCELLED after the grace, and the worker is killed once it does not acknowledge", async () => {
    const { host } = hosts.make({ liveness: { ...FAST, hangTimeoutMs: 60_000 }, cancelGraceMs: 200 });
    const { pid } = await host.call("pid", {});
    const controller = new AbortController();
    const pending = host.call("wait", { ms: 30_000 }, { signal: controller.signal }).catch((error: unknown) => error);
    await sleep(200); // the call is on its way to the worker
    stop(pid);
    const startedAt = performance.now();
    controller.abort();
    expect(await pending).toMatchObject({ code: "CANCELLED" });
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    await until(() => host.state === "crashed", 1_500);
    await until(() => !isAlive(pid), 2_000);
    await expect(host.call("echo", { text: "fresh", events: 0 })).resolves.toEqual({ text: "fresh" });
    expect(host.pid).not.toBe(pid);
  });

  it("a worker that acknowledges a cancel but never ends the call is kept: it is busy, not hung", async () => {
    const { host } = hosts.make({ liveness: { ...FAST, cancelAckMs: 200 }, cancelGraceMs: 100 });
    const { pid } = await host.call("pid", {});
    const controller = new AbortController();
    const pending = host.call("hang", {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "CANCELLED" });
    await sleep(600);
    expect(host.state).toBe("ready");
    expect(host.pid).toBe(pid);
  });

  it("one hung engine does not hold up another", async () => {
    const hung = hosts.make({ liveness: { ...FAST, hangTimeoutMs: 60_000 } }).host;
    const other = hosts.make({ liveness: FAST }).host;
    await Promise.all([hung.call("echo", { text: "warm", events: 0 }), other.call("echo", { text: "warm", events: 0 })]);
    const pending = hung.call("wait", { ms: 30_000 }).catch(() => undefined);
    stop(hung.pid);
    const startedAt = performance.now();
    for (let i = 0; i < 20; i++) await expect(other.call("echo", { text: `${i}`, events: 3 })).resolves.toEqual({ text: `${i}` });
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect(hung.state).toBe("ready"); // not yet judged: its 60 s limit is still running
    void pending;
  });
});
