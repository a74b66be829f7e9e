import { AppError, toAppErrorShape } from "../../shared/errors";
import { parseHostFrame } from "./frames";
import { GENERATION_FLAG, type MethodMap, type WorkerFrame } from "./protocol";
import { openWorkerPort, type WorkerPort } from "./worker-port";

/** What a handler gets besides its input: cancellation and a way to stream events. */
export interface HandlerContext<Event> {
  signal: AbortSignal;
  emit(event: Event): void;
}

export type WorkerHandlers<M extends MethodMap> = {
  [K in keyof M]: (input: M[K]["input"], context: HandlerContext<M[K]["event"]>) => Promise<M[K]["output"]>;
};

export interface WorkerOptions {
  /** Releases native resources before the process exits on `shutdown`. */
  dispose?: () => Promise<void>;
}

export interface WorkerRuntime {
  readonly generation: number;
  /** Sends a log line to the host's log. */
  log(level: "info" | "warn" | "error", message: string): void;
}

/** Our generation, as handed over by the launcher on the command line. */
export function readGeneration(argv: readonly string[]): number {
  const flag = argv.find((arg) => arg.startsWith(GENERATION_FLAG));
  const value = flag ? Number(flag.slice(GENERATION_FLAG.length)) : Number.NaN;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Engine worker started without a valid ${GENERATION_FLAG}<n> argument.`);
  }
  return value;
}

/**
 * Runs an engine worker: announces `ready`, dispatches `call` frames to the handlers,
 * aborts a call on `cancel`, answers `ping` from the event loop (so a blocked or stopped
 * process falls silent), and on `shutdown` disposes and exits. Every frame sent
 * carries this process's generation.
 */
export function runWorker<M extends MethodMap>(handlers: WorkerHandlers<M>, options: WorkerOptions = {}): WorkerRuntime {
  const generation = readGeneration(process.argv);
  const port: WorkerPort = openWorkerPort();
  const running = new Map<number, AbortController>();
  let shuttingDown = false;

  const post = (frame: WorkerFrame): void => port.post(frame);

  async function dispatch(id: number, method: string, input: unknown): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    try {
      if (!Object.hasOwn(handlers, method)) {
        throw new AppError("INVALID_INPUT", `This engine has no method "${method}".`);
      }
      const handler = handlers[method as keyof M] as (input: unknown, context: HandlerContext<unknown>) => Promise<unknown>;
      const output = await handler(input, {
        signal: controller.signal,
        emit: (event) => {
          if (running.has(id)) post({ type: "progress", generation, id, event });
        },
      });
      post({ type: "result", generation, id, output });
    } catch (error) {
      post({ type: "error", generation, id, error: toAppErrorShape(error) });
    } finally {
      running.delete(id);
    }
  }

  async function shutdown(): Promise<void> {
    if (shuttingDown) return;
    shuttingDown = true;
    for (const controller of running.values()) controller.abort(new AppError("CANCELLED", "The engine is shutting down."));
    try {
      await options.dispose?.();
    } finally {
      process.exit(0);
    }
  }

  port.onMessage((message) => {
    const frame = parseHostFrame(message);
    if (!frame) return;
    if (frame.type === "call") {
      if (shuttingDown) {
        post({ type: "error", generation, id: frame.id, error: { code: "CANCELLED", message: "The engine is shutting down." } });
      } else {
        void dispatch(frame.id, frame.method, frame.input);
      }
    } else if (frame.type === "cancel") {
      running.get(frame.id)?.abort(new AppError("CANCELLED", "Cancelled."));
    } else if (frame.type === "ping") {
      post({ type: "pong", generation, seq: frame.seq });
    } else {
      void shutdown();
    }
  });
  port.onHostGone(() => void shutdown());

  post({ type: "ready", generation });
  return {
    generation,
    log: (level, message) => post({ type: "log", generation, level, message }),
  };
}
