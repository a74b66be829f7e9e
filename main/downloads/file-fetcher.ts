import { rename, writeFile } from "node:fs/promises";
import { AppError } from "../../shared/errors";
import type { HubClient, RepoFileRef } from "../hub/hub-client";
import type { Logger } from "../log/types";
import type { RecordFile } from "./download-record";
import { fetchAttempt } from "./fetch-attempt";
import { PartFile } from "./part-file";
import { backoffDelay, waitOrAbort, type RetryPolicy } from "./retry-policy";

export interface FetchFileOptions {
  hub: Pick<HubClient, "openFile">;
  ref: RepoFileRef;
  /** Updated in place: receivedBytes, digest, verified. */
  file: RecordFile;
  partPath: string;
  /** Where the verified file goes (renamed from the part). */
  donePath: string;
  signal: AbortSignal;
  stallTimeoutMs: number;
  retry: RetryPolicy;
  logger: Logger;
  onBytes(count: number): void;
  /** A failed attempt that will be retried. */
  onRetry(reason: string): void;
}

/**
 * Fetches one file into its part, resuming with Range and retrying transient failures with backoff,
 * then checks size and sha256 (hashed while streaming) and renames it into place.
 * A file that fails verification is deleted, so a retry starts it clean.
 */
export async function fetchFile(options: FetchFileOptions): Promise<void> {
  const { file, signal } = options;
  const part = await PartFile.open(options.partPath, file, signal);
  file.receivedBytes = part.offset;
  try {
    if (file.size === 0) await writeFile(part.path, "");
    else await fetchWithRetries(part, options);
  } catch (error) {
    if (error instanceof AppError && error.code === "CHECKSUM_MISMATCH") await discard(part, file);
    throw error;
  }
  const { sha256: digest, matches } = part.finish();
  if (!matches) {
    await discard(part, file);
    throw new AppError("CHECKSUM_MISMATCH", `${file.path} arrived damaged: its checksum does not match the hub's. Resume to download it again.`);
  }
  await rename(part.path, options.donePath);
  Object.assign(file, { digest, receivedBytes: file.size, verified: true });
}

async function discard(part: PartFile, file: RecordFile): Promise<void> {
  await part.remove();
  file.receivedBytes = 0;
}

async function fetchWithRetries(part: PartFile, options: FetchFileOptions): Promise<void> {
  const { file, signal } = options;
  let failures = 0;
  while (part.offset < file.size) {
    const before = part.offset;
    try {
      await fetchAttempt({
        hub: options.hub,
        ref: options.ref,
        size: file.size,
        part,
        signal,
        stallTimeoutMs: options.stallTimeoutMs,
        onBytes: (count, offset) => {
          file.receivedBytes = offset;
          options.onBytes(count);
        },
      });
    } catch (error) {
      file.receivedBytes = part.offset;
      if (signal.aborted || error instanceof AppError) throw error;
      failures = part.offset > before ? 1 : failures + 1;
      const reason = error instanceof Error ? error.message : String(error);
      if (failures > options.retry.maxRetries) {
        throw new AppError(
          "DOWNLOAD_FAILED",
          `Downloading ${file.path} failed ${failures} times in a row (${reason}). Resume to try again.`,
        );
      }
      options.logger.log("warn", "downloads", `Retrying ${file.path}`, { reason, failures, offset: part.offset });
      options.onRetry(reason);
      await waitOrAbort(backoffDelay(options.retry, failures), signal);
    }
  }
}
