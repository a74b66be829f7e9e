import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sizedGgufHeader } from "../../scripts/fixtures/sized-gguf";
import { randomBytes } from "../../scripts/hub-server/hub-repos";
import { AppError } from "../../shared/errors";
import { modelManifestSchema } from "../models/manifest";
import type { DownloadRecord } from "./download-record";
import { listTree } from "./download-test-kit";
import { installModel } from "./model-installer";

const SHA = "a".repeat(64);
const PART_BYTES = 512;
const PART_ONE = "m-00001-of-00002.gguf";
const PART_TWO = "m-00002-of-00002.gguf";

function record(): DownloadRecord {
  return {
    id: "dl-1", modelId: "split-model", name: "Split", family: "llm", format: "gguf", repo: "o/split", revision: "main",
    state: "installing", receivedBytes: 2 * PART_BYTES, totalBytes: 2 * PART_BYTES, bytesPerSecond: 0, etaSeconds: null, attempts: 0, createdAt: 1, updatedAt: 1,
    files: [
      { path: PART_TWO, size: PART_BYTES, receivedBytes: PART_BYTES, verified: true, digest: SHA },
      { path: PART_ONE, size: PART_BYTES, receivedBytes: PART_BYTES, verified: true, digest: SHA },
    ],
  };
}

/** A GGUF part of PART_BYTES bytes: its header, then zeros. */
function ggufPart(): Buffer {
  return Buffer.concat([sizedGgufHeader(PART_BYTES)], PART_BYTES);
}

/** A data dir where a crash interrupted an install: part one already moved into the .installing folder, part two still in staging. */
async function interruptedInstall(partTwo: Uint8Array) {
  const root = await mkdtemp(path.join(tmpdir(), "atelier-install-"));
  const staging = path.join(root, "downloads", "dl-1");
  const models = path.join(root, "models");
  await mkdir(staging, { recursive: true });
  await mkdir(path.join(models, "split-model.installing"), { recursive: true });
  await writeFile(path.join(staging, PART_TWO), partTwo);
  await writeFile(path.join(models, "split-model.installing", PART_ONE), ggufPart());
  return { root, staging, models };
}

describe("installModel", () => {
  it("finishes an install a crash interrupted, writing the manifest last", async () => {
    const { staging, models } = await interruptedInstall(ggufPart());
    const manifest = await installModel(record(), staging, models);
    expect(manifest).toMatchObject({ id: "split-model", entry: PART_ONE, source: { repo: "o/split", revision: "main" } });
    expect(await listTree(models)).toEqual([PART_ONE, PART_TWO, "manifest.json"].map((f) => path.join("split-model", f)));
    expect(modelManifestSchema.parse(JSON.parse(await readFile(path.join(models, "split-model", "manifest.json"), "utf8")))).toEqual(manifest);
    expect(await listTree(staging)).toEqual([]);

    const again = await installModel(record(), staging, models).then(() => undefined, (e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("refuses a split model with a part that is not GGUF, naming it, and leaves nothing behind", async () => {
    const { root, staging, models } = await interruptedInstall(randomBytes(PART_BYTES, 5));
    const error = await installModel(record(), staging, models).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "MODEL_INCOMPATIBLE",
      message: expect.stringMatching(/^The downloaded file "m-00002-of-00002\.gguf" is not a readable GGUF file \(Invalid GGUF magic.*\)\. Nothing was installed\.$/),
    });
    expect(await listTree(root)).toEqual([]);
  });
});
