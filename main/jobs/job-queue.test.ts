import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import type { Job } from "../../shared/jobs";
import { createEventBus } from "../events/bus";
import { silentLogger } from "../log/types";
import { JobQueue, type JobContext } from "./job-queue";
import { JobStore } from "./job-store";

let file: string;

beforeEach(async () => {
  file = path.join(await mkdtemp(path.join(tmpdir(), "atelier-jobs-")), "jobs.json");
});

async function openQueue(concurrency = 1) {
  const events = createEventBus(silentLogger);
  const updates: Job[] = [];
  events.subscribe((event, payload) => {
    if (event === "job.updated") updates.push(payload);
  });
  const queue = await JobQueue.open({ events, logger: silentLogger, store: new JobStore(file, silentLogger), concurrency: () => concurrency });
  return { queue, updates };
}

/** A job body the test finishes by hand. */
function controllable() {
  let finish: (value: string) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  let context: JobContext | undefined;
  const run = (ctx: JobContext) => {
    context = ctx;
    return new Promise<string>((resolve, reject) => ((finish = resolve), (fail = reject)));
  };
  return { run, finish: (v: string) => finish(v), fail: (e: unknown) => fail(e), ctx: () => context };
}

/** Waits until the job's body has been called (it starts on a later tick). */
async function started(job: ReturnType<typeof controllable>): Promise<JobContext> {
  for (let i = 0; i < 100 && !job.ctx(); i++) await sleep(1);
  const ctx = job.ctx();
  if (!ctx) throw new Error("the job never started");
  return ctx;
}

const spec = (run: (ctx: JobContext) => Promise<unknown>, engine: "llm" | "image" = "llm") => ({ kind: "test", engine, title: "Test", run });

describe("job queue", () => {
  it("returns a queued job at once and moves it through running to succeeded", async () => {
    const { queue, updates } = await openQueue();
    const body = controllable();
    const job = queue.enqueue(spec(body.run));
    expect(job.status).toBe("queued");
    await started(body);
    expect(queue.get(job.id).status).toBe("running");
    body.finish("done");
    const final = await queue.whenFinished(job.id);
    expect(final).toMatchObject({ status: "succeeded", result: "done", progress: { fraction: 1 } });
    expect(final.startedAt).toBeGreaterThanOrEqual(final.createdAt);
    expect(updates.map((u) => u.status)).toEqual(["queued", "running", "succeeded"]);
  });

  it("runs one job per engine at a time by default, engines independently", async () => {
    const { queue } = await openQueue();
    const [a, b, c] = [controllable(), controllable(), controllable()];
    const jobA = queue.enqueue(spec(a.run));
    const jobB = queue.enqueue(spec(b.run));
    const jobC = queue.enqueue(spec(c.run, "image"));
    await started(a);
    await started(c);
    expect(queue.get(jobB.id).status).toBe("queued");
    a.finish("a");
    await started(b);
    expect(queue.get(jobA.id).status).toBe("succeeded");
    b.finish("b");
    c.finish("c");
    expect((await queue.whenFinished(jobC.id)).status).toBe("succeeded");
  });

  it("honours a higher concurrency setting", async () => {
    const { queue } = await openQueue(2);
    const [a, b] = [controllable(), controllable()];
    queue.enqueue(spec(a.run));
    queue.enqueue(spec(b.run));
    await started(a);
    await started(b);
    a.finish("a");
    b.finish("b");
  });

  it("cancels a queued job without ever running it", async () => {
    const { queue } = await openQueue();
    const [a, b] = [controllable(), controllable()];
    queue.enqueue(spec(a.run));
    const jobB = queue.enqueue(spec(b.run));
    expect(queue.cancel(jobB.id).status).toBe("cancelled");
    a.finish("a");
    await sleep(20);
    expect(b.ctx()).toBeUndefined();
    expect(queue.get(jobB.id).status).toBe("cancelled");
  });

  it("cancels a running job through its signal", async () => {
    const { queue } = await openQueue();
    const job = queue.enqueue(spec((ctx) => new Promise((_resolve, reject) => {
      ctx.signal.addEventListener("abort", () => reject(new Error("aborted by signal")));
    })));
    await sleep(5);
    queue.cancel(job.id);
    expect((await queue.whenFinished(job.id)).status).toBe("cancelled");
  });

  it("ends as cancelled on AppError CANCELLED and keeps other AppError codes", async () => {
    const { queue } = await openQueue(4);
    const cancelled = queue.enqueue(spec(async () => Promise.reject(new AppError("CANCELLED", "stop"))));
    const crashed = queue.enqueue(spec(async () => Promise.reject(new AppError("ENGINE_CRASHED", "gone"))));
    const unknown = queue.enqueue(spec(async () => Promise.reject(new Error("weird"))));
    expect((await queue.whenFinished(cancelled.id)).status).toBe("cancelled");
    expect(await queue.whenFinished(crashed.id)).toMatchObject({ status: "failed", error: { code: "ENGINE_CRASHED", message: "gone" } });
    expect(await queue.whenFinished(unknown.id)).toMatchObject({ status: "failed", error: { code: "INTERNAL", message: "weird" } });
    expect(() => queue.cancel("job-missing")).toThrow(AppError);
  });

  it("throttles progress to about 20 updates a second, always delivers the final state, and nothing after it", async () => {
    const { queue, updates } = await openQueue();
    const job = queue.enqueue(spec(async (ctx) => {
      const until = Date.now() + 300;
      let step = 0;
      while (Date.now() < until) {
        ctx.progress({ fraction: Math.min(1, step / 3000), step: step++ });
        await sleep(0);
      }
      ctx.progress({ fraction: 0.99, message: "last words" });
      return "ok";
    }));
    await queue.whenFinished(job.id);
    await sleep(120);
    const mine = updates.filter((u) => u.id === job.id);
    const progressUpdates = mine.filter((u) => u.status === "running").length - 1;
    expect(progressUpdates).toBeGreaterThanOrEqual(3);
    expect(progressUpdates).toBeLessThanOrEqual(9);
    expect(mine.at(-1)).toMatchObject({ status: "succeeded", progress: { fraction: 1 } });
    expect(mine.filter((u) => u.status === "succeeded")).toHaveLength(1);
  });

  it("persists history, brings it back in a new queue, and fails jobs a previous run left unfinished", async () => {
    const first = await openQueue();
    const done = first.queue.enqueue(spec(async () => "saved"));
    await first.queue.whenFinished(done.id);
    const hanging = first.queue.enqueue(spec(() => new Promise(() => undefined)));
    await sleep(50);
    const saved = JSON.parse(await readFile(file, "utf8")) as { jobs: Job[] };
    expect(saved.jobs.map((j) => j.status)).toEqual(["succeeded", "running"]);

    const second = await openQueue();
    const listed = second.queue.list();
    expect(listed.map((j) => j.id)).toEqual([hanging.id, done.id]);
    expect(listed[0]).toMatchObject({ status: "failed", error: { code: "INTERNAL", message: expect.stringMatching(/closed before/) } });
    expect(listed[1]).toMatchObject({ status: "succeeded", result: "saved" });
    expect(second.queue.clearFinished()).toBe(2);
    expect(second.queue.list()).toEqual([]);
    await second.queue.dispose();
    const third = await openQueue();
    expect(third.queue.list()).toEqual([]);
  });
});
