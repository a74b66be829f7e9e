import { open, type FileHandle } from "node:fs/promises";
import { AppError } from "../../shared/errors";

/**
 * Writes a download's slabs to its `.part` one after another, queued as they arrive, so the socket
 * keeps filling the next slab while the disk catches up. One write at a time keeps the file a
 * prefix of the download even after a crash (parallel writes could leave a hole), and a failed
 * write cuts the file back to the bytes before it.
 */
export class PartWriter {
  /** The last queued write, settled either way. */
  private tail: Promise<void> = Promise.resolve();
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

  /**
   * Appends a chunk after everything queued before. Resolves once the chunk is written and its
   * memory may be reused; rejects with DISK_FULL or DOWNLOAD_FAILED (and so does every later one).
   */
  write(chunk: Buffer): Promise<void> {
    const position = this.position;
    this.position += chunk.length;
    const write = this.tail
      .then(() => {
        if (this.failure !== undefined) throw this.failure;
        return writeAll(this.handle, chunk, position);
      })
      .catch((error: unknown) => {
        this.failure ??= error;
        this.failedAt = Math.min(this.failedAt ?? position, position);
        throw writeFailure(this.failure);
      });
    this.tail = write.catch(() => undefined);
    return write;
  }

  /** Waits for every write, closes the file, and throws the first write error (as DISK_FULL or DOWNLOAD_FAILED). */
  async close(): Promise<void> {
    try {
      await this.tail;
      // Best effort: the next run rehashes whatever is on disk anyway.
      if (this.failedAt !== undefined) await this.handle.truncate(this.failedAt).catch(() => undefined);
    } finally {
      await this.handle.close();
    }
    if (this.failure !== undefined) throw writeFailure(this.failure);
  }
}

/** Disk errors are final: a full disk or a read-only folder will not fix itself on retry. */
function writeFailure(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOSPC") return new AppError("DISK_FULL", "The disk filled up during the download. Free some space, then resume it.");
  return new AppError("DOWNLOAD_FAILED", `Could not write the downloaded file (${code ?? String(error)}).`);
}

/** A write may take fewer bytes than asked; keep going until every byte is down. */
async function writeAll(handle: FileHandle, chunk: Buffer, position: number): Promise<void> {
  for (let done = 0; done < chunk.length; ) {
    const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, position + done);
    done += bytesWritten;
  }
}
