import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { EngineName } from "../../shared/jobs";
import type { Logger, LogLevel } from "../log/types";
import { parseWorkerFrame } from "./frames";
import { GENERATION_FLAG, type EngineLauncher, type EngineProcess, type HostFrame, type WorkerFrame } from "./protocol";

function pipeLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
    if (line.trim()) onLine(line);
  });
}

function wrapChild(child: ChildProcess): EngineProcess {
  const exitListeners: ((code: number | null) => void)[] = [];
  let exited = false;
  const reportExit = (code: number | null): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code);
  };
  child.once("exit", (code) => reportExit(code));
  // A process that could not be spawned at all emits "error" and may never emit "exit".
  child.once("error", () => {
    if (child.pid === undefined) reportExit(null);
  });

  return {
    get pid() {
      return child.pid;
    },
    send(frame: HostFrame) {
      if (child.connected) child.send(frame);
    },
    onFrame(listener: (frame: WorkerFrame) => void) {
      child.on("message", (message) => {
        const frame = parseWorkerFrame(message);
        if (frame) listener(frame);
      });
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    kill() {
      if (!exited) child.kill("SIGKILL");
    },
  };
}

export interface ForkOptions {
  scope: string;
  logger: Logger;
  /** Node flags for the worker; none by default, so the parent's flags (test runners, inspectors) do not leak in. */
  execArgv?: string[];
}

/** Forks one worker script with its generation flag; its stdout and stderr go to the log. */
export function forkEngineProcess(script: string, generation: number, { scope, logger, execArgv = [] }: ForkOptions): EngineProcess {
  const child = fork(script, [`${GENERATION_FLAG}${generation}`], { stdio: ["ignore", "pipe", "pipe", "ipc"], execArgv });
  const log = (level: LogLevel) => (line: string) => logger.log(level, scope, line, { pid: child.pid, generation });
  pipeLines(child.stdout, log("info"));
  pipeLines(child.stderr, log("warn"));
  child.on("error", (error) => logger.log("error", scope, `Engine process error: ${error.message}`, { generation }));
  return wrapChild(child);
}

/** Starts engine workers with Node's `child_process.fork`: `${workerDir}/engine-<engine>.js`. */
export function createNodeLauncher(workerDir: string, logger: Logger): EngineLauncher {
  return {
    launch(engine: EngineName, generation: number): EngineProcess {
      return forkEngineProcess(path.join(workerDir, `engine-${engine}.js`), generation, { scope: `engine:${engine}`, logger });
    },
  };
}
