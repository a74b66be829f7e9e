import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "./wait-until";

const HOLDER = path.resolve("scripts/testing/hold-serve.ts");
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("a serve process started for a test", () => {
  it("exits within seconds when the process that started it is SIGKILLed", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "atelier-orphan-"));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    // No IPC channel: only the stdin pipe links the server to its parent.
    const holder = spawn(process.execPath, ["--import", "tsx", HOLDER, dataDir], { stdio: ["ignore", "pipe", "inherit"] });
    cleanup.push(async () => void holder.kill("SIGKILL"));
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: holder.stdout }).once("line", resolve);
      holder.once("exit", (code) => reject(new Error(`the holder exited with ${code}`)));
    });
    const { pid, url } = JSON.parse(line) as { pid: number; url: string };
    cleanup.push(async () => void (isAlive(pid) && process.kill(pid, "SIGKILL")));
    expect((await fetch(url)).status).toBe(200);

    const killedAt = Date.now();
    holder.kill("SIGKILL");
    await waitUntil(async () => (isAlive(pid) ? undefined : true), 5_000, `serve (pid ${pid}) to exit`);
    expect(Date.now() - killedAt).toBeLessThan(5_000);
  });
});
