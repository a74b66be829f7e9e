import { spawn, spawnSync } from "node:child_process";

export function curlAvailable(): boolean {
  return spawnSync("curl", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Fetches a URL to a file with curl following redirects, like a user would; returns wall seconds. */
export async function curlDownload(url: string, target: string): Promise<number> {
  const startedAt = performance.now();
  const child = spawn("curl", ["--silent", "--show-error", "--fail", "--location", "--output", target, url], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`curl exited with ${code}`);
  return (performance.now() - startedAt) / 1000;
}
