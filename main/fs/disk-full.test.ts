import path from "node:path";
import { describe, expect, it } from "vitest";
import { STORIES_GGUF } from "../host-test-kit";
import { runWithPrivateMount } from "./testing/private-mount";

interface DiskFullObservations {
  firstJob: string;
  chatUpdate: string;
  settingsUpdate: string;
  threadsAfterFailedSave: number;
  chatFileKept: boolean;
  settingsFileKept: boolean;
  systemPromptKept: boolean;
  secondJob: { status: string; code: string | null };
  streamedLength: number;
  shown: { status: string; length: number; error: string | null } | undefined;
  reopened: { status: string; length: number } | undefined;
  jobsAfterRestart: string[];
  firstJobId: string;
  tempFiles: string[];
}

/** A real host whose data dir is a 2 MiB tmpfs (a private mount namespace), driven through a full disk. */
describe("a full disk", () => {
  it("refuses saves with DISK_FULL, keeps every saved file whole, and loses no streamed reply", async () => {
    const { result } = await runWithPrivateMount<DiskFullObservations>(
      path.resolve("main/fs/testing/disk-full-scenario.ts"),
      { kind: "tmpfs", sizeKiB: 2048 },
      [path.dirname(STORIES_GGUF)],
    );
    expect(result.firstJob).toBe("succeeded");
    expect(result).toMatchObject({ chatUpdate: "DISK_FULL", settingsUpdate: "DISK_FULL" });
    expect(result).toMatchObject({ chatFileKept: true, settingsFileKept: true, systemPromptKept: true, threadsAfterFailedSave: 1 });
    // The reply whose save hit the full disk does not say it succeeded, and its text is not lost.
    expect(result.secondJob).toEqual({ status: "failed", code: "DISK_FULL" });
    expect(result.streamedLength).toBeGreaterThan(0);
    expect(result.shown).toMatchObject({ status: "error", length: result.streamedLength, error: expect.stringMatching(/^Not saved: The disk is full/) });
    expect(result.reopened).toMatchObject({ length: result.streamedLength });
    expect(result.jobsAfterRestart).toContain(result.firstJobId);
    expect(result.tempFiles).toEqual([]);
  }, 240_000);
});
