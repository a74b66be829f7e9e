import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
/** Where `npm run build` puts serve mode. */
export const SERVE_BUNDLE = path.join(REPO_ROOT, "out/main/serve.js");
const SERVING_LINE = /Atelier is serving at (http:\/\/\S+)/;

export interface ServeChildOptions {
  dataDir: string;
  /** More serve flags, e.g. `["--host", "0.0.0.0"]`. */
  args?: readonly string[];
  /** Its stderr: kept (and shown if it fails to start), or passed through to this process's. */
  stderr?: "keep" | "inherit";
  startTimeoutMs?: number;
}

export interface ServeChild {
  child: ChildProcess;
  /** The page URL with the session token. */
  url: URL;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the built serve-mode host for a test, benchmark or script. It cannot outlive the process
 * that starts it, however that process ends: it runs with `--exit-with-parent` on a stdin pipe
 * only this process holds, so it stops when the pipe closes (even after a SIGKILL), and it is
 * killed at once when this process exits, or loses its own parent (a test runner), while it runs.
 */
export async function startServeChild(options: ServeChildOptions): Promise<ServeChild> {
  const args = [SERVE_BUNDLE, "--port", "0", "--data-dir", options.dataDir, "--exit-with-parent", ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["pipe", "pipe", options.stderr === "inherit" ? "inherit" : "pipe"] });
  const killNow = () => child.kill("SIGKILL");
  process.on("exit", killNow);
  // A test worker whose runner is gone may take its time to wind down (Playwright's waits up to
  // 30 s); its servers need not wait with it.
  if (process.connected) process.on("disconnect", killNow);
  child.once("exit", () => {
    process.off("exit", killNow);
    process.off("disconnect", killNow);
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const url = await readServingUrl(child, options.startTimeoutMs ?? 30_000, () => stderr);
    return { child, url, stop: (graceMs = 5_000) => stopChild(child, graceMs) };
  } catch (error) {
    await stopChild(child, 0);
    throw error;
  }
}

function readServingUrl(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<URL> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`serve printed no address within ${timeoutMs} ms:\n${output}${stderr()}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = SERVING_LINE.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(new URL(match[1]));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${signal ?? code}) before it was ready:\n${output}${stderr()}`));
    });
  });
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(graceMs > 0 ? "SIGTERM" : "SIGKILL");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
