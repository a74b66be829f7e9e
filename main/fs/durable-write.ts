import { randomBytes } from "node:crypto";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import { writeFailure } from "./write-errors";

/** Temp files of interrupted saves carry this in their name, so a start can sweep them. */
export const TEMP_MARKER = ".atelier-tmp-";

export interface DurableWriteOptions {
  /** File mode for a new file (default 0o644). */
  mode?: number;
}

/**
 * Replaces `file` with `data` so that an acknowledged save is whole on disk: the bytes go
 * to a temp file beside it, every short write is continued, the length is checked, the
 * temp file is fsynced and renamed over the old one, and the folder is fsynced. Any
 * failure removes the temp file and leaves the old file exactly as it was.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const temp = `${file}${TEMP_MARKER}${randomBytes(6).toString("hex")}`;
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, "wx", options.mode ?? 0o644);
    await writeAll(handle, bytes);
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes.byteLength) {
      throw new AppError("DISK_FULL", `Only ${size} of ${bytes.byteLength} bytes of ${file} reached the disk; the saved version is unchanged.`, { file });
    }
    await handle.close();
    handle = undefined;
    await rename(temp, file);
    await syncFolder(path.dirname(file));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw writeFailure(error, file);
  }
}

/** `write` may take fewer bytes than asked (a nearly full disk, a size limit): go on until all are written. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, offset);
    if (bytesWritten <= 0) throw Object.assign(new Error("The disk took no more bytes."), { code: "ENOSPC" });
    offset += bytesWritten;
  }
}

/**
 * Makes the rename itself durable. Some platforms (Windows) cannot open a folder for fsync;
 * the file is already in place by then, so a failure here must not report the save as lost.
 */
export async function syncFolder(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // As durable as the platform allows.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
