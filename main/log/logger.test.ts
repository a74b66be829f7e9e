import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createFileLogger, LOG_FILE_NAME } from "./logger";

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "atelier-log-"));
}

describe("file logger", () => {
  it("writes one JSON line per entry", async () => {
    const dir = await tempDir();
    const logger = createFileLogger(dir);
    logger.log("info", "test", "hello", { n: 1 });
    logger.log("debug", "test", "below the default level");
    const lines = (await readFile(path.join(dir, LOG_FILE_NAME), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "info", scope: "test", message: "hello", details: { n: 1 } });
  });

  it("rotates past the size limit and keeps only the newest files", async () => {
    const dir = await tempDir();
    const logger = createFileLogger(dir, { maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 200; i++) logger.log("info", "test", `entry ${i} ${"x".repeat(50)}`);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, `${LOG_FILE_NAME}.2`, `${LOG_FILE_NAME}.3`]);
    for (const file of files) {
      expect((await readFile(path.join(dir, file))).length).toBeLessThanOrEqual(1000);
    }
    expect(await readFile(path.join(dir, LOG_FILE_NAME), "utf8")).toContain("entry 199");
  });

  it("never writes secrets", async () => {
    const dir = await tempDir();
    const logger = createFileLogger(dir);
    logger.log("info", "serve", "Serving at http://127.0.0.1:1/?token=SECRET1", {
      token: "SECRET2",
      nested: { authorization: "SECRET3", url: "/ws?token=SECRET4&x=1" },
    });
    const text = await readFile(path.join(dir, LOG_FILE_NAME), "utf8");
    expect(text).not.toMatch(/SECRET/);
    expect(text).toContain("[redacted]");
  });
});
