import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** What a script run under a private mount printed: its last stdout line as JSON, and its stderr. */
export interface ScriptRun<T> {
  result: T;
  stderr: string;
}

/**
 * Runs a TypeScript script in its own user and mount namespace (`unshare -rm`, no root
 * needed) where `mountPoint`, its first argument, is a fresh file system made by `mountArgs`:
 * a tiny tmpfs for a full disk, a read-only bind mount for an unwritable folder. The mount
 * vanishes with the process, whatever happens to the test.
 */
export async function runWithPrivateMount<T>(script: string, mount: MountKind, args: string[] = []): Promise<ScriptRun<T>> {
  const mountPoint = await mkdtemp(path.join(tmpdir(), "atelier-mount-"));
  const shell = `${mountCommand(mount)} && shift && exec "$@"`;
  const command = [process.execPath, "--import", "tsx", script, mountPoint, ...args];
  const child = spawn("unshare", ["-rm", "sh", "-c", shell, "sh", mountPoint, ...command], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  const last = stdout.trim().split("\n").at(-1) ?? "";
  if (code !== 0) throw new Error(`${path.basename(script)} exited with ${code}:\n${stdout}\n${stderr}`);
  return { result: JSON.parse(last) as T, stderr };
}

export type MountKind = { kind: "tmpfs"; sizeKiB: number } | { kind: "read-only" };

function mountCommand(mount: MountKind): string {
  return mount.kind === "tmpfs"
    ? `mount -t tmpfs -o size=${mount.sizeKiB}k atelier-small-disk "$1"`
    : `mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"`;
}
