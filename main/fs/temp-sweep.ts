import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../log/types";
import { TEMP_MARKER } from "./durable-write";

/** Temp names of saves interrupted by a crash: ours, and those of write-file-atomic that earlier versions used (`<name>.json.<number>`). */
const TEMP_NAME = new RegExp(`(${TEMP_MARKER.replace(/[.-]/g, "\\$&")}[0-9a-f]+|\\.(json|png|wav|webp)\\.\\d{1,10})$`);

/** How deep the sweep looks: chats and library items sit one or two folders down. */
const MAX_DEPTH = 4;

/**
 * Removes the temp files that saves interrupted by a crash left behind. Runs at start, before
 * anything writes, so no save in progress can be hit. Returns how many were removed.
 */
export async function sweepTempFiles(dataDir: string, logger: Logger): Promise<number> {
  const removed = await sweep(dataDir, 0);
  if (removed > 0) logger.log("info", "host", `Removed ${removed} temp file(s) left by interrupted saves`);
  return removed;
}

async function sweep(dir: string, depth: number): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH) removed += await sweep(full, depth + 1);
    else if (entry.isFile() && TEMP_NAME.test(entry.name)) {
      await rm(full, { force: true });
      removed++;
    }
  }
  return removed;
}
