import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface HubProcess {
  url: string;
  cdnUrl: string;
  stop(): Promise<void>;
}

/**
 * The test hub in a child process, serving one GGUF model file (a header, then sparse zeros), so its CPU is not counted as the client's.
 * `bytesPerSecond` (per response, 0 = unlimited) stands in for a real link.
 */
export async function startHubProcess(repo: string, file: string, bytes: number, bytesPerSecond = 0): Promise<HubProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/hub-server/cli.ts", "--gguf", `${repo}:${file}:${bytes}`, "--bytes-per-second", String(bytesPerSecond)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    if (!child.stdout) return reject(new Error("the hub process has no stdout"));
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`the hub process exited with ${code}`)));
  });
  const { url, cdnUrl } = JSON.parse(line) as { url: string; cdnUrl: string };
  return {
    url,
    cdnUrl,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
