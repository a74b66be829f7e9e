import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { randomBytes } from "../../scripts/hub-server/hub-repos";
import { AppError } from "../../shared/errors";
import { PartWriter } from "./part-writer";

describe("PartWriter", () => {
  it("writes every chunk in order after the bytes already there, several in flight at once", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "atelier-pw-")), "x.part");
    const data = Buffer.from(randomBytes(9_000_000, 5));
    await writeFile(file, data.subarray(0, 1234));
    const writer = await PartWriter.open(file, 1234);
    const inFlight: Promise<void>[] = [];
    for (let at = 1234, size = 1; at < data.length; size = (size * 7 + 13) % 700_000) {
      inFlight.push(writer.write(data.subarray(at, Math.min(data.length, at + size))));
      if (inFlight.length >= 4) await inFlight.shift();
      at += size;
    }
    await writer.close();
    expect((await readFile(file)).equals(data)).toBe(true);
  });

  it("reports a full disk as DISK_FULL", async () => {
    const writer = await PartWriter.open("/dev/full", 0);
    const failed = async () => {
      try {
        for (let i = 0; i < 10; i++) await writer.write(Buffer.alloc(1024 * 1024));
      } finally {
        await writer.close();
      }
    };
    const error = await failed().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "DISK_FULL" });
  });
});
