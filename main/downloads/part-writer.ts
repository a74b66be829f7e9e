import { open, type FileHandle } from "node:fs/promises";
import { AppError } from "../../shared/errors";

const BATCH_BYTES = 2 * 1024 * 1024;
/** A slow connection still reaches the disk every second, so a crash loses at most that much. */
const BATCH_AGE_MS = 1000;
const MAX_IN_FLIGHT = 3;

/**
 * Appends to a file in batches (one writev per ~2 MiB or per second instead of one write per
 * 64 KiB socket chunk) with a few writes in flight at their own offsets, so bytes keep flowing
 * from the socket while the disk catches up. After a failed write, the file is cut back to the
 * bytes before it.
 */
export class PartWriter {
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private batchStartedAt = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private failedAt: number | undefined;
  private failure: unknown;

  private constructor(
    private readonly handle: FileHandle,
    private position: number,
  ) {}

  /** Opens for writing at `offset`: after the bytes before it, or a new file at 0. */
  static async open(file: string, offset: number): Promise<PartWriter> {
    try {
      return new PartWriter(await open(file, offset > 0 ? "r+" : "w"), offset);
    } catch (error) {
      throw writeFailure(error);
    }
  }

  /** Queues a chunk; returns a promise only when the caller must wait for the disk. */
  write(chunk: Buffer): Promise<void> | undefined {
    if (this.failure !== undefined) throw writeFailure(this.failure);
    if (this.batchBytes === 0) this.batchStartedAt = Date.now();
    this.batch.push(chunk);
    this.batchBytes += chunk.length;
    if (this.batchBytes < BATCH_BYTES && Date.now() - this.batchStartedAt < BATCH_AGE_MS) return undefined;
    this.startBatch();
    return this.inFlight.size >= MAX_IN_FLIGHT ? Promise.race(this.inFlight) : undefined;
  }

  /** Writes everything queued, closes the file, and throws the first write error (as DISK_FULL or DOWNLOAD_FAILED). */
  async close(): Promise<void> {
    try {
      if (this.failure === undefined) this.startBatch();
      await Promise.all(this.inFlight);
      // Best effort: the next run rehashes whatever is on disk anyway.
      if (this.failedAt !== undefined) await this.handle.truncate(this.failedAt).catch(() => undefined);
    } finally {
      await this.handle.close();
    }
    if (this.failure !== undefined) throw writeFailure(this.failure);
  }

  private startBatch(): void {
    if (this.batchBytes === 0) return;
    const position = this.position;
    const write: Promise<void> = writeAll(this.handle, this.batch, position).then(
      () => void this.inFlight.delete(write),
      (error: unknown) => {
        this.inFlight.delete(write);
        this.failure ??= error;
        this.failedAt = Math.min(this.failedAt ?? position, position);
      },
    );
    this.inFlight.add(write);
    this.position += this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
  }
}

/** Disk errors are final: a full disk or a read-only folder will not fix itself on retry. */
function writeFailure(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return new AppError("DISK_FULL", "The disk filled up during the download. Free some space, then resume it.");
  return new AppError("DOWNLOAD_FAILED", `Could not write the downloaded file (${code ?? String(error)}).`);
}

/** writev may write less than asked; keep going until every byte is down. */
async function writeAll(handle: FileHandle, chunks: Buffer[], position: number): Promise<void> {
  let pending = chunks;
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await handle.writev(pending, at);
    at += bytesWritten;
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const chunk of pending) {
      if (skip >= chunk.length) skip -= chunk.length;
      else {
        rest.push(skip > 0 ? chunk.subarray(skip) : chunk);
        skip = 0;
      }
    }
    pending = rest;
  }
}
