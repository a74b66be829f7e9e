import { stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import type { Download } from "../../shared/library";
import { resolveInside } from "../fs/inside";
import type { HubClient } from "../hub/hub-client";
import type { Logger } from "../log/types";
import { ensureFreeSpace } from "./disk-space";
import { remainingBytes, type DownloadRecord } from "./download-record";
import { fetchFile } from "./file-fetcher";
import { INSTALLING_SUFFIX, installModel } from "./model-installer";
import type { RetryPolicy } from "./retry-policy";

export interface RunContext {
  hub: Pick<HubClient, "openFile">;
  logger: Logger;
  /** `<data>/downloads/<id>`: parts and verified files until install. */
  stagingDir: string;
  modelsDir: string;
  signal: AbortSignal;
  stallTimeoutMs: number;
  retry: RetryPolicy;
  onBytes(count: number): void;
  onRetry(): void;
  onState(state: Download["state"]): void;
}

/**
 * Runs one download to the end: disk space first, then every file not yet verified
 * (one after another, each resumable), then the atomic install.
 */
export async function runDownload(record: DownloadRecord, ctx: RunContext): Promise<void> {
  await forgetMissingFiles(record, ctx);
  await ensureFreeSpace(path.dirname(ctx.stagingDir), remainingBytes(record), record.name);
  for (const file of record.files) {
    if (file.verified) continue;
    const ref = { repo: record.repo, revision: record.commit ?? record.revision, path: file.path, revisionName: record.revision };
    await fetchFile({
      hub: ctx.hub,
      ref,
      file,
      partPath: resolveInside(ctx.stagingDir, `${file.path}.part`),
      donePath: resolveInside(ctx.stagingDir, file.path),
      signal: ctx.signal,
      stallTimeoutMs: ctx.stallTimeoutMs,
      retry: ctx.retry,
      logger: ctx.logger,
      onBytes: ctx.onBytes,
      onRetry: ctx.onRetry,
    });
  }
  // Every sha256 was checked as the bytes streamed in: verifying is only the last look before install.
  ctx.onState("verifying");
  ctx.onState("installing");
  try {
    await installModel(record, ctx.stagingDir, ctx.modelsDir);
  } catch (error) {
    // Its files are gone: a retry fetches them again (the hub may have fixed them).
    if (error instanceof AppError && error.code === "MODEL_INCOMPATIBLE") {
      for (const file of record.files) Object.assign(file, { receivedBytes: 0, verified: false, digest: undefined });
    }
    throw error;
  }
}

/** A file verified before a restart must still be where it was left (staging, or mid-install). */
async function forgetMissingFiles(record: DownloadRecord, ctx: RunContext): Promise<void> {
  const installing = resolveInside(ctx.modelsDir, record.modelId) + INSTALLING_SUFFIX;
  for (const file of record.files) {
    if (!file.verified) continue;
    const present =
      (await isFile(resolveInside(ctx.stagingDir, file.path))) || (await isFile(resolveInside(installing, file.path)));
    if (present) continue;
    ctx.logger.log("warn", "downloads", `${file.path} went missing; fetching it again`);
    Object.assign(file, { verified: false, receivedBytes: 0, digest: undefined });
  }
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isFile(), () => false);
}
