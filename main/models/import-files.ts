import { createReadStream, createWriteStream } from "node:fs";
import { lstat, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../shared/errors";

const MAX_DEPTH = 6;
const MAX_FILES = 5000;

export interface FolderFile {
  /** Relative to the folder, with forward slashes. */
  relativePath: string;
  size: number;
}

/**
 * Every regular file under `folder` (hidden ones and symlinks left out, so nothing
 * outside what the user named is read), with sizes.
 */
export async function listFolderFiles(folder: string): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  async function walk(dir: string, prefix: string, depth: number): Promise<void> {
    for (const name of (await readdir(dir)).sort()) {
      if (name.startsWith(".")) continue;
      const full = path.join(dir, name);
      const info = await lstat(full);
      const relativePath = prefix ? `${prefix}/${name}` : name;
      if (info.isFile()) files.push({ relativePath, size: info.size });
      else if (info.isDirectory() && depth < MAX_DEPTH) await walk(full, relativePath, depth + 1);
      if (files.length > MAX_FILES) throw new AppError("INVALID_INPUT", `${folder} holds more than ${MAX_FILES} files; that is not a model folder.`);
    }
  }
  await walk(folder, "", 0);
  return files;
}

/** Streams each file from `sourceRoot` into `targetRoot` (same relative paths) and checks every byte arrived. */
export async function copyFiles(sourceRoot: string, files: readonly FolderFile[], targetRoot: string): Promise<void> {
  for (const file of files) {
    const target = path.join(targetRoot, ...file.relativePath.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    const output = createWriteStream(target, { flags: "wx" });
    await pipeline(createReadStream(path.join(sourceRoot, ...file.relativePath.split("/"))), output);
    if (output.bytesWritten !== file.size) {
      throw new AppError("INTERNAL", `Copying ${file.relativePath} wrote ${output.bytesWritten} of ${file.size} bytes; did the file change meanwhile?`);
    }
  }
}
