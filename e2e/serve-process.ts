import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "./data-dir";

const SERVING_LINE = /Atelier is serving at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export interface ServeProcess {
  /** The page URL with the session token. */
  url: string;
  stop(): Promise<void>;
}

/** Starts the built serve-mode host on a free port, as `npm run serve` would. */
export async function startServe(dataDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, ["out/main/serve.js", "--port", "0", "--data-dir", dataDir], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = await readServingUrl(child, () => log);
  return { url, stop: () => stopChild(child) };
}

function readServingUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve printed no address within ${START_TIMEOUT_MS} ms:\n${output}${stderr()}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = SERVING_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before it was ready:\n${output}${stderr()}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
