import path from "node:path";
import { AppError } from "../../shared/errors";

/** Errno codes that mean "no room left": a full disk, a quota, or a file size limit. */
const NO_ROOM = new Set(["ENOSPC", "EDQUOT", "EFBIG"]);
/** Errno codes that mean the place cannot be written at all. */
const NOT_WRITABLE = new Set(["EROFS", "EACCES", "EPERM"]);

/**
 * Turns a failed write into an error a person can act on: it names the file, says what is
 * wrong, and promises that the previous version is untouched (the durable writer keeps it).
 */
export function writeFailure(error: unknown, file: string): Error {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  if (NO_ROOM.has(code)) {
    return new AppError("DISK_FULL", `The disk is full: could not save ${file}. Free some space and try again; the saved version is unchanged.`, { file });
  }
  if (NOT_WRITABLE.has(code)) return notWritable(path.dirname(file), code);
  return error instanceof Error ? error : new Error(String(error));
}

/** The folder cannot be written: read-only file system or missing permission. */
export function notWritable(dir: string, code: string): AppError {
  const why = code === "EROFS" ? "it is on a read-only file system" : "this user has no permission to write there";
  return new AppError("NOT_WRITABLE", `Atelier cannot save in ${dir}: ${why}. Choose another data folder or fix its permissions.`, { dir, errno: code });
}
