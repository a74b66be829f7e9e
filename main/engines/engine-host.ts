import { AppError } from "../../shared/errors";
import type { EngineName } from "../../shared/jobs";
import type { Logger } from "../log/types";
import { hungError, livenessFor, type EngineLiveness } from "./engine-liveness";
import { Heartbeat } from "./heartbeat";
import { settlesWithin, trackLaunch, type Launched } from "./launched-process";
import { PendingCalls, type PendingCall } from "./pending-calls";
import type { CallOptions, EngineClient, EngineLauncher, MethodMap, WorkerFrame } from "./protocol";

export type EngineState = EngineClient<MethodMap>["state"];

export interface EngineHostOptions {
  engine: EngineName;
  launcher: EngineLauncher;
  logger: Logger;
  /** How long a new process may take to say `ready`. */
  readyTimeoutMs?: number;
  /** How long `stop()` waits after `shutdown` before killing. */
  stopBudgetMs?: number;
  /** How long a cancelled call waits for the worker's answer before it is rejected anyway. */
  cancelGraceMs?: number;
  /** When a silent worker counts as hung; the limits that fit this engine (engine-liveness.ts) unless given. */
  liveness?: Partial<EngineLiveness>;
  onStateChange?: (state: EngineState, pid: number | undefined) => void;
}

const cancelled = (details?: unknown): AppError => new AppError("CANCELLED", "Cancelled.", details);

/**
 * Runs one engine family in its own process: starts it on first use, matches answers to
 * calls, cancels, restarts after a crash (with a new generation, so a dead process's late
 * frames are ignored) and stops it within a budget. A process that falls silent (no answer
 * to heartbeats, or none after a cancel) is hung: it is killed and its calls fail with ENGINE_HUNG.
 */
export class EngineHost<M extends MethodMap> implements EngineClient<M> {
  readonly engine: EngineName;
  private readonly options: Required<Omit<EngineHostOptions, "onStateChange" | "liveness">> & Pick<EngineHostOptions, "onStateChange">;
  private readonly liveness: EngineLiveness;
  private readonly pending = new PendingCalls();
  private launched: Launched | undefined;
  private generation = 0;
  private nextCallId = 1;
  private currentState: EngineState = "stopped";
  /** The exit of a process killed as hung or unstarted, awaited (briefly) before its successor starts. */
  private killed: Promise<unknown> = Promise.resolve();

  constructor(options: EngineHostOptions) {
    this.engine = options.engine;
    const { liveness, ...rest } = options;
    this.options = { readyTimeoutMs: 20_000, stopBudgetMs: 3_000, cancelGraceMs: 1_500, ...rest };
    this.liveness = { ...livenessFor(options.engine), ...liveness };
  }

  get state(): EngineState {
    return this.currentState;
  }

  get pid(): number | undefined {
    return this.launched?.process.pid;
  }

  async call<K extends keyof M & string>(
    method: K,
    input: M[K]["input"],
    { signal, onEvent, ifRunning }: CallOptions<M[K]["event"]> = {},
  ): Promise<M[K]["output"]> {
    if (signal?.aborted) throw cancelled();
    if (ifRunning && (this.currentState !== "ready" || !this.launched || this.launched.stopping)) {
      throw new AppError("CANCELLED", `The ${this.engine} engine is not running.`);
    }
    const launched = await this.ensureStarted();
    if (signal?.aborted) throw cancelled();
    if (this.launched !== launched) throw new AppError("ENGINE_CRASHED", `The ${this.engine} engine stopped while starting.`);
    return new Promise<M[K]["output"]>((resolve, reject) => {
      let graceTimer: NodeJS.Timeout | undefined;
      const onAbort = (): void => {
        call.cancelled = true;
        launched.process.send({ type: "cancel", id: call.id });
        launched.heartbeat.expectWithin(this.liveness.cancelAckMs);
        graceTimer = setTimeout(() => this.pending.reject(call, cancelled()), this.options.cancelGraceMs);
      };
      const settle = (): void => {
        clearTimeout(graceTimer);
        signal?.removeEventListener("abort", onAbort);
      };
      const call: PendingCall = {
        id: this.nextCallId++,
        generation: launched.generation,
        onEvent: onEvent as ((event: unknown) => void) | undefined,
        cancelled: false,
        resolve: (output) => (settle(), resolve(output as M[K]["output"])),
        reject: (error) => (settle(), reject(error)),
      };
      this.pending.add(call);
      signal?.addEventListener("abort", onAbort, { once: true });
      launched.process.send({ type: "call", id: call.id, method, input });
    });
  }

  async stop(): Promise<void> {
    const launched = this.launched;
    if (!launched) return;
    launched.stopping = true;
    launched.heartbeat.stop();
    launched.process.send({ type: "shutdown" });
    if (!(await settlesWithin(launched.exited, this.options.stopBudgetMs))) {
      this.log("warn", `Did not stop within ${this.options.stopBudgetMs} ms; killing it.`);
      launched.process.kill();
      await settlesWithin(launched.exited, 2_000);
    }
    if (this.launched === launched) this.forget(launched, null);
  }

  private async ensureStarted(): Promise<Launched> {
    if (this.launched?.stopping) await this.launched.exited;
    if (!this.launched) await this.killed;
    const launched = this.launched ?? this.launch();
    await launched.ready;
    return launched;
  }

  private launch(): Launched {
    const generation = ++this.generation;
    let launched: Launched;
    try {
      launched = trackLaunch(this.options.launcher.launch(this.engine, generation), generation, this.heartbeatFor(generation));
    } catch (error) {
      this.setState("crashed");
      throw new AppError("ENGINE_CRASHED", `The ${this.engine} engine could not be started: ${String(error)}`);
    }
    this.launched = launched;
    this.setState("starting");

    const timer = setTimeout(() => {
      if (this.launched !== launched) return;
      const seconds = Math.round(this.options.readyTimeoutMs / 100) / 10;
      this.kill(launched, new AppError("ENGINE_CRASHED", `The ${this.engine} engine did not start within ${seconds} s.`));
    }, this.options.readyTimeoutMs);
    launched.ready.finally(() => clearTimeout(timer)).catch(() => {});
    launched.process.onFrame((frame) => this.handleFrame(launched, frame));
    launched.process.onExit((code) => this.handleExit(launched, code));
    return launched;
  }

  private handleFrame(launched: Launched, frame: WorkerFrame): void {
    if (frame.generation !== launched.generation || this.launched !== launched) return;
    launched.heartbeat.heard();
    if (frame.type === "ready") {
      launched.markReady();
      this.setState("ready");
      launched.heartbeat.start();
    } else if (frame.type === "pong") {
      launched.heartbeat.answered(frame.seq);
    } else if (frame.type === "log") {
      this.log(frame.level, frame.message);
    } else {
      const call = this.pending.get(frame.id, launched.generation);
      if (!call) return;
      if (frame.type === "progress") {
        try {
          call.onEvent?.(frame.event);
        } catch (error) {
          this.log("error", `Event listener failed: ${String(error)}`);
        }
      } else if (call.cancelled) {
        this.pending.reject(call, cancelled(frame.type === "result" ? { output: frame.output } : undefined));
      } else if (frame.type === "result") {
        this.pending.resolve(call, frame.output);
      } else {
        this.pending.reject(call, AppError.fromShape(frame.error));
      }
    }
  }

  private handleExit(launched: Launched, code: number | null): void {
    const how = code === null ? "it was killed" : `exit code ${code}`;
    launched.failStart(new AppError("ENGINE_CRASHED", `The ${this.engine} engine did not start (${how}).`));
    const crash = new AppError(
      "ENGINE_CRASHED",
      `The ${this.engine} engine stopped unexpectedly (${how}). Try again: it restarts on the next request.`,
    );
    if (this.launched !== launched) {
      this.pending.rejectGeneration(launched.generation, (call) => (call.cancelled ? cancelled() : crash));
      return;
    }
    if (!launched.stopping) this.log("error", crash.message, { pid: launched.process.pid });
    this.forget(launched, launched.stopping ? null : crash);
  }

  private heartbeatFor(generation: number): Heartbeat {
    const current = (): Launched | undefined => (this.launched?.generation === generation ? this.launched : undefined);
    return new Heartbeat({
      intervalMs: this.liveness.heartbeatIntervalMs,
      timeoutMs: this.liveness.hangTimeoutMs,
      ping: (seq) => current()?.process.send({ type: "ping", seq }),
      onSilent: (silentMs) => {
        const launched = current();
        if (launched) this.kill(launched, hungError(this.engine, silentMs));
      },
    });
  }

  /** Kills the current process (hung, or never ready): its calls fail with `error`, its successor waits for its exit. */
  private kill(launched: Launched, error: AppError): void {
    this.log("error", error.message, { pid: launched.process.pid });
    this.forget(launched, error);
    launched.process.kill();
    this.killed = settlesWithin(launched.exited, 5_000);
  }

  /** Drops the current process: pending calls of its generation fail, the state says why. */
  private forget(launched: Launched, error: AppError | null): void {
    this.launched = undefined;
    launched.heartbeat.stop();
    launched.failStart(error ?? new AppError("CANCELLED", `The ${this.engine} engine was shut down.`));
    this.pending.rejectGeneration(launched.generation, (call) => (call.cancelled || !error ? cancelled() : error));
    this.setState(error ? "crashed" : "stopped");
  }

  private setState(state: EngineState): void {
    this.currentState = state;
    this.options.onStateChange?.(state, this.pid);
  }

  private log(level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>): void {
    this.options.logger.log(level, `engine:${this.engine}`, message, { generation: this.generation, ...details });
  }
}
