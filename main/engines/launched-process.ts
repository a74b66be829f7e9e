import type { AppError } from "../../shared/errors";
import type { Heartbeat } from "./heartbeat";
import type { EngineProcess } from "./protocol";

/** One launched engine process, with promises for the moments the host waits on. */
export interface Launched {
  readonly process: EngineProcess;
  readonly generation: number;
  /** Resolves on the worker's `ready`; rejects if it exits or times out first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;
  /** Started once the worker is ready; stopped when the process is dropped. */
  readonly heartbeat: Heartbeat;
  markReady(): void;
  failStart(error: AppError): void;
  /** Set once `stop()` sent `shutdown`: its exit is then expected, not a crash. */
  stopping: boolean;
}

export function trackLaunch(process: EngineProcess, generation: number, heartbeat: Heartbeat): Launched {
  let markReady = (): void => {};
  let failStart = (_error: AppError): void => {};
  const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failStart = reject)));
  ready.catch(() => {}); // callers see the rejection through their own await
  const exited = new Promise<void>((resolve) => process.onExit(() => resolve()));
  return { process, generation, ready, exited, heartbeat, markReady, failStart, stopping: false };
}

/** Resolves true if `promise` settles within `ms`, false otherwise; leaves no timer behind. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `promise`'s outcome if it settles within `ms`, else `late()`'s value; leaves no timer behind. */
export async function answerWithin<T>(promise: Promise<T>, ms: number, late: () => T): Promise<T> {
  promise.catch(() => {}); // an answer that comes too late is nobody's error
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(late()), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
