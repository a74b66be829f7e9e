import { constants } from "node:fs";
import { access, mkdir, rm, stat } from "node:fs/promises";
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
    const failure = await mkdir(dir, { recursive: true }).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => cannotUse(dir, error),
    );
    if (failure) throw failure;
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

/** Why a folder could not be made; recursive mkdir says ENOENT even when the real cause is a read-only ancestor. */
async function cannotUse(dir: string, error: NodeJS.ErrnoException): Promise<Error> {
  const code = error.code ?? "";
  if (code === "EROFS" || code === "EACCES" || code === "EPERM") return notWritable(dir, code);
  if (code !== "ENOENT" && code !== "ENOTDIR") return error;
  const ancestor = await nearestExisting(path.dirname(dir));
  if (!ancestor.isDirectory) {
    return new AppError("NOT_WRITABLE", `Atelier cannot create its data folder ${dir}: ${ancestor.path} is a file, not a folder.`, { dir, errno: code });
  }
  const denied = await access(ancestor.path, constants.W_OK).then(
    () => undefined,
    (reason: NodeJS.ErrnoException) => reason.code ?? "EACCES",
  );
  if (denied) return notWritable(dir, denied);
  return new AppError("NOT_WRITABLE", `Atelier cannot create its data folder ${dir} (${code}).`, { dir, errno: code });
}

async function nearestExisting(dir: string): Promise<{ path: string; isDirectory: boolean }> {
  for (let current = dir; ; current = path.dirname(current)) {
    const info = await stat(current).catch(() => undefined);
    if (info) return { path: current, isDirectory: info.isDirectory() };
    if (path.dirname(current) === current) return { path: current, isDirectory: false };
  }
}
