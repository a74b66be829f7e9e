import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from "../shared/contract";
import { AppError } from "../shared/errors";
import type { EventTuple } from "./events/bus";
import { createHost, type Host } from "./host";
import { silentLogger } from "./log/types";

/** Test support: a real host on a fresh temp data dir, with the engine workers from the build. */

export const WORKER_DIR = path.resolve("out/main");
export const STORIES_GGUF = path.resolve("../shared/models/llm/stories260K.gguf");

export async function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "atelier-host-"));
}

export async function addModel(dataDir: string, source: string, name = path.basename(source)): Promise<string> {
  const target = path.join(dataDir, "models", name);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(source, target);
  return target;
}

export async function openTestHost(dataDir: string): Promise<Host> {
  return createHost({ dataDir, workerDir: WORKER_DIR, mode: "serve", version: "test", logger: silentLogger });
}

export interface TestHostRig {
  host: Host;
  log: EventLog;
  dataDir: string;
}

/** A host on a fresh data dir that `install` filled first (models, files), with a log of its events. */
export async function openTestHostWith(install: (dataDir: string) => Promise<unknown>): Promise<TestHostRig> {
  const dataDir = await tempDataDir();
  await install(dataDir);
  const host = await openTestHost(dataDir);
  return { host, log: new EventLog(host), dataDir };
}

/** Calls a channel like the renderer would; an error result is thrown as AppError. */
export async function invoke<C extends Channel>(host: Host, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await host.router.handle(channel, request, { origin: "test" });
  if (!result.ok) throw AppError.fromShape(result.error);
  return result.value as ResponseOf<C>;
}

export async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
}

/** The AppError a promise rejects with; anything else (or resolving) fails the test. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Records every event a host emits and waits for the ones a test expects. */
export class EventLog {
  readonly events: EventTuple[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(host: Host) {
    host.events.subscribe((...event) => {
      this.events.push(event);
      const woken = [...this.waiters];
      this.waiters.clear();
      for (const wake of woken) wake();
    });
  }

  of<E extends EventName>(name: E): EventPayload<E>[] {
    return this.events.filter(([event]) => event === name).map(([, payload]) => payload as EventPayload<E>);
  }

  /** Resolves with the first recorded `name` event matching `test` (past or future). */
  async waitFor<E extends EventName>(name: E, test: (payload: EventPayload<E>) => boolean, timeoutMs = 30_000): Promise<EventPayload<E>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.of(name).find(test);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${name}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The final job.updated of a job. */
  finalJob(jobId: string, timeoutMs?: number): Promise<EventPayload<"job.updated">> {
    return this.waitFor("job.updated", (job) => job.id === jobId && ["succeeded", "failed", "cancelled"].includes(job.status), timeoutMs);
  }
}
