import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import type { Logger } from "../log/types";
import { writeFileDurably } from "./durable-write";
import { notWritable } from "./write-errors";

const PROBE_FILE = ".atelier-write-check";

/**
 * Makes the data folder and its sub-folders and proves a file can be saved there, so a
 * read-only or forbidden folder stops the start with one sentence naming the place and the
 * reason, instead of failing later on every save. A full disk does not stop the start
 * (reading chats and models still works); it is logged, and each save says so.
 */
export async function prepareDataDir(dataDir: string, folders: readonly string[], logger: Logger): Promise<void> {
  for (const folder of ["", ...folders]) {
    const dir = path.join(dataDir, folder);
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw cannotUse(dir, error);
    });
  }
  const probe = path.join(dataDir, PROBE_FILE);
  try {
    await writeFileDurably(probe, "ok\n");
    await rm(probe, { force: true });
  } catch (error) {
    if (error instanceof AppError && error.code === "DISK_FULL") {
      logger.log("warn", "host", `The disk holding ${dataDir} is full: nothing can be saved until space is freed.`);
      return;
    }
    throw error;
  }
}

function cannotUse(dir: string, error: NodeJS.ErrnoException): Error {
  const code = error.code ?? "";
  if (code === "EROFS" || code === "EACCES" || code === "EPERM") return notWritable(dir, code);
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new AppError("NOT_WRITABLE", `Atelier cannot create its data folder ${dir}: a folder above it is missing or is a file.`, { dir, errno: code });
  }
  return error;
}
