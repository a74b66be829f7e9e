import path from "node:path";
import { describe, expect, it } from "vitest";
import { runWithPrivateMount } from "./testing/private-mount";

interface StartAttempts {
  existing: { code: string; message: string };
  missing: { code: string; message: string };
}

/** A real host started on a read-only bind mount (a private mount namespace, no root needed). */
describe("a data dir that cannot be written", () => {
  it("stops the start with NOT_WRITABLE, naming the folder and the reason", async () => {
    const { result } = await runWithPrivateMount<StartAttempts>(path.resolve("main/fs/testing/start-on-read-only.ts"), { kind: "read-only" });
    expect(result.existing.code).toBe("NOT_WRITABLE");
    expect(result.existing.message).toMatch(/^Atelier cannot save in \/\S+atelier-mount-\S+: it is on a read-only file system\./);
    expect(result.missing.code).toBe("NOT_WRITABLE");
    expect(result.missing.message).toMatch(/new-data: it is on a read-only file system/);
  });
});
