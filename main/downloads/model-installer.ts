import { copyFile, mkdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { writeJsonAtomic } from "../fs/atomic-json";
import { resolveInside } from "../fs/inside";
import { isGguf, isLaterSplitPart } from "../hub/quantization";
import { MANIFEST_FILE, type ModelManifest } from "../models/manifest";
import type { DownloadRecord } from "./download-record";
import { checkModelFiles } from "./model-file-check";

export const INSTALLING_SUFFIX = ".installing";

/**
 * Makes a verified download a model, atomically: the files move into `<models>/<id>.installing/`,
 * are checked to be models (else both folders are removed and MODEL_INCOMPATIBLE thrown), the
 * manifest is written last, and one rename makes `<models>/<id>/` appear whole.
 * Safe to run again after a crash at any step.
 */
export async function installModel(record: DownloadRecord, stagingDir: string, modelsDir: string): Promise<ModelManifest> {
  const target = resolveInside(modelsDir, record.modelId);
  const installing = target + INSTALLING_SUFFIX;
  if (await exists(target)) throw new AppError("INVALID_INPUT", `A model "${record.modelId}" is already installed.`);
  await mkdir(installing, { recursive: true });
  for (const file of record.files) {
    if (!file.verified || !file.digest) throw new AppError("INTERNAL", `${file.path} was not verified before install.`);
    const from = resolveInside(stagingDir, file.path);
    const to = resolveInside(installing, file.path);
    if (await exists(from)) {
      await mkdir(path.dirname(to), { recursive: true });
      await move(from, to);
    } else if (!(await exists(to))) throw new AppError("INTERNAL", `${file.path} is missing from the finished download.`);
  }
  await checkModelFiles(installing, record.files.map((file) => file.path), ggufEntryOf(record)).catch(async (error: unknown) => {
    if (error instanceof AppError && error.code === "MODEL_INCOMPATIBLE") {
      await rm(installing, { recursive: true, force: true });
      await rm(stagingDir, { recursive: true, force: true });
    }
    throw error;
  });
  const manifest = manifestOf(record);
  await writeJsonAtomic(path.join(installing, MANIFEST_FILE), manifest);
  await rename(installing, target);
  await rm(stagingDir, { recursive: true, force: true });
  return manifest;
}

/** The GGUF file a GGUF download loads: not a projector, not a later part of a split model. */
function ggufEntryOf(record: DownloadRecord): string | undefined {
  if (record.format !== "gguf") return undefined;
  return record.files.find((file) => isGguf(file.path) && !isLaterSplitPart(file.path) && !/mmproj/i.test(file.path))?.path;
}

export function manifestOf(record: DownloadRecord): ModelManifest {
  const entry = ggufEntryOf(record);
  return {
    version: 1,
    id: record.modelId,
    name: record.name,
    family: record.family,
    format: record.format,
    ...(entry ? { entry } : {}),
    files: record.files.map((file) => ({ path: file.path, size: file.size, ...(file.digest ? { sha256: file.digest } : {}) })),
    source: {
      repo: record.repo,
      revision: record.revision,
      ...(record.commit ? { commit: record.commit } : {}),
      ...(record.catalogId ? { catalogId: record.catalogId } : {}),
    },
    installedAt: Date.now(),
  };
}

/** Rename, or copy then delete when the data dir spans two filesystems. */
async function move(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await copyFile(from, to);
    await unlink(from);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}
