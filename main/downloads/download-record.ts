import { z } from "zod";
import { downloadFileProgressSchema, downloadSchema, gitObjectIdSchema, sha256Schema, type Download } from "../../shared/library";

export const recordFileSchema = downloadFileProgressSchema.extend({
  /** The expected sha256, when the hub or catalog gives one. */
  sha256: sha256Schema.optional(),
  /** For files kept in git (no sha256): the expected git blob id. */
  gitOid: gitObjectIdSchema.optional(),
  /** The sha256 computed while streaming, once the file is complete. */
  digest: sha256Schema.optional(),
});
export type RecordFile = z.infer<typeof recordFileSchema>;

/** A download as persisted in `<data>/downloads/downloads.json`: the public fields plus resume state. */
export const downloadRecordSchema = downloadSchema.extend({
  files: z.array(recordFileSchema),
  format: z.enum(["gguf", "onnx"]),
  catalogId: z.string().optional(),
  /** The commit the download is pinned to (records written before pinning have none: their revision is used). */
  commit: gitObjectIdSchema.optional(),
});
export type DownloadRecord = z.infer<typeof downloadRecordSchema>;

export const downloadsFileSchema = z.object({ version: z.literal(1), downloads: z.array(downloadRecordSchema) });

export const FINAL_DOWNLOAD_STATES: readonly Download["state"][] = ["completed", "failed", "cancelled"];
/** States in which the download holds a slot of the queue. */
export const ACTIVE_DOWNLOAD_STATES: readonly Download["state"][] = ["downloading", "verifying", "installing"];

/** What renderers see: no hash state, no expected digests. */
export function toPublic(record: DownloadRecord): Download {
  return {
    id: record.id,
    modelId: record.modelId,
    name: record.name,
    family: record.family,
    repo: record.repo,
    revision: record.revision,
    state: record.state,
    files: record.files.map((file) => ({ path: file.path, size: file.size, receivedBytes: file.receivedBytes, verified: file.verified })),
    receivedBytes: record.receivedBytes,
    totalBytes: record.totalBytes,
    bytesPerSecond: record.bytesPerSecond,
    etaSeconds: record.etaSeconds,
    attempts: record.attempts,
    ...(record.error ? { error: record.error } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** Bytes still to fetch. */
export function remainingBytes(record: DownloadRecord): number {
  return record.files.reduce((sum, file) => sum + (file.verified ? 0 : Math.max(0, file.size - file.receivedBytes)), 0);
}
