import type { AppErrorShape } from "../../shared/errors";
import type { EngineName } from "../../shared/jobs";

/**
 * One engine's methods: what each takes, returns, and emits while it runs.
 * `event` is `never` for methods that emit nothing.
 */
export interface EngineMethod<Input, Output, Event = never> {
  input: Input;
  output: Output;
  event: Event;
}
export type MethodMap = Record<string, EngineMethod<unknown, unknown, unknown>>;

/** Frames the host sends to a worker. */
export type HostFrame =
  | { type: "call"; id: number; method: string; input: unknown }
  | { type: "cancel"; id: number }
  /** Answered at once with `pong` (same `seq`) by the worker's event loop: silence means it is not running. */
  | { type: "ping"; seq: number }
  | { type: "shutdown" };

/**
 * Frames a worker sends to the host. Every frame carries the process generation
 * it was started with, so frames from a process that was replaced are ignored.
 */
export type WorkerFrame =
  | { type: "ready"; generation: number }
  | { type: "progress"; generation: number; id: number; event: unknown }
  | { type: "result"; generation: number; id: number; output: unknown }
  | { type: "error"; generation: number; id: number; error: AppErrorShape }
  | { type: "log"; generation: number; level: "info" | "warn" | "error"; message: string }
  | { type: "pong"; generation: number; seq: number };

/** A running engine process, however it was started. */
export interface EngineProcess {
  readonly pid: number | undefined;
  send(frame: HostFrame): void;
  onFrame(listener: (frame: WorkerFrame) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts engine worker processes: Node `child_process.fork` in main/, Electron `utilityProcess` in electron/. */
export interface EngineLauncher {
  launch(engine: EngineName, generation: number): EngineProcess;
}

/** The argv flag that hands a worker its generation. */
export const GENERATION_FLAG = "--atelier-generation=";

export interface CallOptions<Event> {
  /** Aborting sends `cancel`; the call then rejects with CANCELLED. */
  signal?: AbortSignal;
  onEvent?: (event: Event) => void;
  /** Only on a process that is already running (ready, not stopping): otherwise rejects with CANCELLED instead of starting one. */
  ifRunning?: boolean;
}

/** What services use to run engine methods; EngineHost implements it. */
export interface EngineClient<M extends MethodMap> {
  readonly engine: EngineName;
  /** Starts the process on first use (and again after a crash). Rejects with AppErrorShape-carrying AppError. */
  call<K extends keyof M & string>(
    method: K,
    input: M[K]["input"],
    options?: CallOptions<M[K]["event"]>,
  ): Promise<M[K]["output"]>;
  /** Shutdown frame, then kill after the stop budget. */
  stop(): Promise<void>;
  readonly state: "stopped" | "starting" | "ready" | "crashed";
  readonly pid: number | undefined;
}
