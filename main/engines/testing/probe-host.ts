import path from "node:path";
import { EngineHost, type EngineHostOptions, type EngineState } from "../engine-host";
import { forkEngineProcess } from "../node-launcher";
import type { EngineLauncher } from "../protocol";
import { memoryLogger } from "./engine-test-support";
import type { ProbeMethods } from "./probe-worker";

const PROBE_WORKER = path.resolve("main/engines/testing/probe-worker.ts");

/** Forks the probe worker from source; `generationSkew` hands it a wrong generation on purpose. */
export function probeLauncher(generationSkew = 0): EngineLauncher & { pids: number[] } {
  const pids: number[] = [];
  return {
    pids,
    launch(_engine, generation) {
      const process = forkEngineProcess(PROBE_WORKER, generation + generationSkew, {
        scope: "engine:probe",
        logger: memoryLogger(),
        execArgv: ["--import", "tsx"],
      });
      if (process.pid !== undefined) pids.push(process.pid);
      return process;
    },
  };
}

/** An EngineHost on the probe worker, recording its states; `stopAll` stops every one made. */
export function probeHosts() {
  const hosts: EngineHost<ProbeMethods>[] = [];
  return {
    make(options: Partial<EngineHostOptions> = {}) {
      const states: EngineState[] = [];
      const launcher = probeLauncher();
      const host = new EngineHost<ProbeMethods>({
        engine: "llm",
        launcher,
        logger: memoryLogger(),
        onStateChange: (state) => states.push(state),
        ...options,
      });
      hosts.push(host);
      return { host, states, launcher };
    },
    adopt(host: EngineHost<ProbeMethods>): void {
      hosts.push(host);
    },
    stopAll: () => Promise.all(hosts.splice(0).map((host) => host.stop())),
  };
}

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
