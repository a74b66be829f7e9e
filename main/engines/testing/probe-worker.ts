import { AppError, type ErrorCode } from "../../../shared/errors";
import type { EngineMethod } from "../protocol";
import { runWorker, type WorkerRuntime } from "../worker-runtime";

/**
 * A small real worker for testing the process layer itself (EngineHost, launcher,
 * worker runtime) with behaviours a real engine only shows by accident: ignoring a
 * cancel, blocking its event loop, exiting mid-call.
 */
export type ProbeMethods = {
  echo: EngineMethod<{ text: string; events: number }, { text: string }, { index: number }>;
  /** Resolves after `ms`, or rejects with CANCELLED when cancelled. */
  wait: EngineMethod<{ ms: number }, { waited: number }>;
  /** Never answers and ignores cancel. */
  hang: EngineMethod<Record<string, never>, never>;
  /** Blocks the event loop for `ms`, so no frame (not even shutdown) is read meanwhile. */
  block: EngineMethod<{ ms: number }, { blocked: number }>;
  fail: EngineMethod<{ code: ErrorCode; message: string }, never>;
  throwPlain: EngineMethod<{ message: string }, never>;
  exit: EngineMethod<{ code: number }, never>;
  pid: EngineMethod<Record<string, never>, { pid: number; generation: number }>;
};

const worker: WorkerRuntime = runWorker<ProbeMethods>({
  echo: async ({ text, events }, { emit }) => {
    for (let index = 0; index < events; index++) emit({ index });
    return { text };
  },
  wait: ({ ms }, { signal }) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve({ waited: ms }), ms);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        reject(new AppError("CANCELLED", "Wait cancelled."));
      });
    }),
  hang: () => new Promise<never>(() => {}),
  block: async ({ ms }) => {
    const until = Date.now() + ms;
    while (Date.now() < until);
    return { blocked: ms };
  },
  fail: async ({ code, message }) => {
    throw new AppError(code, message, { from: "probe" });
  },
  throwPlain: async ({ message }) => {
    throw new Error(message);
  },
  exit: async ({ code }) => process.exit(code),
  pid: async () => ({ pid: process.pid, generation: worker.generation }),
});
