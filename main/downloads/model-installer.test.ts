import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { modelManifestSchema } from "../models/manifest";
import type { DownloadRecord } from "./download-record";
import { listTree } from "./download-test-kit";
import { installModel } from "./model-installer";

const SHA = "a".repeat(64);

function record(): DownloadRecord {
  return {
    id: "dl-1", modelId: "split-model", name: "Split", family: "llm", format: "gguf", repo: "o/split", revision: "main",
    state: "installing", receivedBytes: 4, totalBytes: 4, bytesPerSecond: 0, etaSeconds: null, attempts: 0, createdAt: 1, updatedAt: 1,
    files: [
      { path: "m-00002-of-00002.gguf", size: 2, receivedBytes: 2, verified: true, digest: SHA },
      { path: "m-00001-of-00002.gguf", size: 2, receivedBytes: 2, verified: true, digest: SHA },
    ],
  };
}

describe("installModel", () => {
  it("finishes an install a crash interrupted, writing the manifest last", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "atelier-install-"));
    const staging = path.join(root, "downloads", "dl-1");
    const models = path.join(root, "models");
    // One file already moved into the .installing folder, the other still in staging.
    await mkdir(staging, { recursive: true });
    await mkdir(path.join(models, "split-model.installing"), { recursive: true });
    await writeFile(path.join(staging, "m-00002-of-00002.gguf"), "bb");
    await writeFile(path.join(models, "split-model.installing", "m-00001-of-00002.gguf"), "aa");

    const manifest = await installModel(record(), staging, models);
    expect(manifest).toMatchObject({ id: "split-model", entry: "m-00001-of-00002.gguf", source: { repo: "o/split", revision: "main" } });
    expect(await listTree(models)).toEqual(["m-00001-of-00002.gguf", "m-00002-of-00002.gguf", "manifest.json"].map((f) => path.join("split-model", f)));
    expect(modelManifestSchema.parse(JSON.parse(await readFile(path.join(models, "split-model", "manifest.json"), "utf8")))).toEqual(manifest);
    expect(await listTree(staging)).toEqual([]);

    const again = await installModel(record(), staging, models).then(() => undefined, (e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: "INVALID_INPUT" });
  });
});
