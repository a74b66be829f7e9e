import { join } from "node:path";
import { createInterface } from "node:readline";
import { utilityProcess, type UtilityProcess } from "electron";
import { parseWorkerFrame } from "../main/engines/frames";
import {
  GENERATION_FLAG,
  type EngineLauncher,
  type EngineProcess,
  type HostFrame,
  type WorkerFrame,
} from "../main/engines/protocol";
import type { Logger } from "../main/log/types";
import type { EngineName } from "../shared/jobs";
import { createConsoleLogger } from "./console-logger";

/**
 * Starts each engine worker (`<workerDir>/engine-<engine>.js`) as an Electron utility
 * process; the worker talks back through `process.parentPort`. Call only after app ready.
 */
export function createUtilityLauncher(workerDir: string, logger: Logger = createConsoleLogger()): EngineLauncher {
  return {
    launch(engine, generation) {
      const child = utilityProcess.fork(join(workerDir, `engine-${engine}.js`), [`${GENERATION_FLAG}${generation}`], {
        serviceName: `atelier-${engine}`,
        stdio: "pipe",
      });
      return wrapUtilityProcess(child, engine, logger);
    },
  };
}

function wrapUtilityProcess(child: UtilityProcess, engine: EngineName, logger: Logger): EngineProcess {
  const scope = `engine:${engine}`;
  let exited = false;
  // Piped output must be read, or a chatty worker blocks on a full pipe.
  forwardLines(child.stdout, (line) => logger.log("info", scope, line));
  forwardLines(child.stderr, (line) => logger.log("warn", scope, line));
  child.on("error", (type, location) => logger.log("error", scope, `Engine process failed: ${type}`, { location }));
  child.on("exit", () => {
    exited = true;
  });

  return {
    get pid() {
      return child.pid;
    },
    send(frame: HostFrame) {
      if (!exited) child.postMessage(frame);
    },
    onFrame(listener: (frame: WorkerFrame) => void) {
      child.on("message", (message: unknown) => {
        const frame = parseWorkerFrame(message);
        if (frame === undefined) logger.log("warn", scope, "Ignored a malformed worker frame");
        else listener(frame);
      });
    },
    onExit(listener: (code: number | null) => void) {
      child.on("exit", (code) => listener(code));
    },
    kill() {
      if (exited) return;
      // utilityProcess.kill() sends SIGTERM, which a stopped (SIGSTOP) or hung process never acts on.
      const { pid } = child;
      if (pid === undefined) return void child.kill();
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone: its exit event follows.
      }
    },
  };
}

function forwardLines(stream: NodeJS.ReadableStream | null, write: (line: string) => void): void {
  if (stream === null) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
    if (line.trim() !== "") write(line);
  });
}
