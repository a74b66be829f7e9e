import { mkdir, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../log/types";
import type { DownloadRecord } from "./download-record";
import { recoverRecords, removeOrphans } from "./download-recovery";

function record(id: string, state: DownloadRecord["state"]): DownloadRecord {
  return {
    id, modelId: `model-${id}`, name: id, family: "llm", format: "gguf", repo: "o/r", revision: "main", state,
    files: [], receivedBytes: 0, totalBytes: 0, bytesPerSecond: 123, etaSeconds: 4, attempts: 0, createdAt: 1, updatedAt: 1,
  };
}

describe("recovery after a restart", () => {
  it("queues what was running, keeps paused, failed and finished downloads as they were", () => {
    const states = ["downloading", "verifying", "installing", "queued", "paused", "failed", "completed", "cancelled"] as const;
    const recovered = recoverRecords(states.map((state, i) => record(`d${i}`, state)));
    expect(recovered.map((r) => r.state)).toEqual(["queued", "queued", "queued", "queued", "paused", "failed", "completed", "cancelled"]);
    expect(recovered.every((r) => r.bytesPerSecond === 0 && r.etaSeconds === null)).toBe(true);
  });

  it("removes staging folders nobody owns and installs nobody will finish", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "atelier-recover-"));
    const downloads = path.join(root, "downloads");
    const models = path.join(root, "models");
    for (const dir of ["downloads/dl-kept", "downloads/dl-orphan", "models/model-dl-kept.installing", "models/stale.installing", "models/installed"]) {
      await mkdir(path.join(root, dir), { recursive: true });
    }
    await removeOrphans([record("dl-kept", "queued")], downloads, models, silentLogger);
    expect((await readdir(downloads)).sort()).toEqual(["dl-kept"]);
    expect((await readdir(models)).sort()).toEqual(["installed", "model-dl-kept.installing"]);
  });
});
