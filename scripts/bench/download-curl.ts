import { spawn, spawnSync } from "node:child_process";

export function toolAvailable(tool: "curl" | "sha256sum"): boolean {
  return spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
}

/** Fetches a URL to a file with curl following redirects, like a user would; returns wall seconds. */
export async function curlDownload(url: string, target: string): Promise<number> {
  const startedAt = performance.now();
  await run("curl", ["--silent", "--show-error", "--fail", "--location", "--output", target, url]);
  return (performance.now() - startedAt) / 1000;
}

/** curl, then sha256sum over the file: what verifying costs when it is a second pass. Wall seconds. */
export async function curlThenSha256(url: string, target: string): Promise<number> {
  const startedAt = performance.now();
  await run("curl", ["--silent", "--show-error", "--fail", "--location", "--output", target, url]);
  await run("sha256sum", [target]);
  return (performance.now() - startedAt) / 1000;
}

async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"] });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${command} exited with ${code}`);
}
