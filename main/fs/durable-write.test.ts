import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodeOf } from "../host-test-kit";
import { TEMP_MARKER, writeFileDurably } from "./durable-write";

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "atelier-durable-"));
}

describe("writeFileDurably", () => {
  it("replaces a file whole and leaves no temp file", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "a.json");
    await writeFile(file, "old");
    const bytes = Buffer.alloc(3_000_000, 7);
    await writeFileDurably(file, bytes);
    expect((await readFile(file)).equals(bytes)).toBe(true);
    expect(await readdir(dir)).toEqual(["a.json"]);
  });

  it("gives a new file the mode asked for", async () => {
    const file = path.join(await tempDir(), "secret.json");
    await writeFileDurably(file, "{}", { mode: 0o600 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("keeps the old file and removes the temp file when the rename fails", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "taken");
    await mkdir(path.join(file, "inside"), { recursive: true });
    expect(await errorCodeOf(writeFileDurably(file, "new"))).not.toBe("resolved");
    expect((await readdir(dir)).filter((name) => name.includes(TEMP_MARKER))).toEqual([]);
  });

  it("continues short writes and, when the bytes do not fit, fails with DISK_FULL and keeps the old version", async () => {
    // A 4 KiB file size limit makes write() take part of the bytes and then refuse, as a nearly full disk does.
    const dir = await tempDir();
    const file = path.join(dir, "settings.json");
    await writeFile(file, JSON.stringify({ good: true }));
    const script = path.resolve("main/fs/testing/save-under-limit.ts");
    const run = spawnSync("sh", ["-c", 'ulimit -f 8 && exec "$@"', "sh", process.execPath, "--import", "tsx", script, file], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const observed = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "") as { code: string; kept: boolean; files: string[] };
    expect(observed).toEqual({ code: "DISK_FULL", kept: true, files: ["settings.json"] });
  });
});
