import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../log/types";
import { FINAL_DOWNLOAD_STATES, type DownloadRecord } from "./download-record";
import { INSTALLING_SUFFIX } from "./model-installer";

/**
 * After a restart (clean or not): what was running or queued is queued again, to continue from
 * its part files; paused and failed downloads stay as they were. Speeds start from zero.
 */
export function recoverRecords(records: DownloadRecord[]): DownloadRecord[] {
  return records.map((record) => {
    const running = !FINAL_DOWNLOAD_STATES.includes(record.state) && record.state !== "paused";
    return { ...record, state: running ? "queued" : record.state, bytesPerSecond: 0, etaSeconds: null };
  });
}

/** Removes staging folders no download owns and half-installed models no download will finish. */
export async function removeOrphans(records: DownloadRecord[], downloadsDir: string, modelsDir: string, logger: Logger): Promise<void> {
  const ids = new Set(records.map((record) => record.id));
  for (const entry of await readdir(downloadsDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || ids.has(entry.name)) continue;
    logger.log("info", "downloads", `Removing leftover download files ${entry.name}`);
    await rm(path.join(downloadsDir, entry.name), { recursive: true, force: true });
  }
  const installing = new Set(
    records.filter((record) => !FINAL_DOWNLOAD_STATES.includes(record.state)).map((record) => record.modelId + INSTALLING_SUFFIX),
  );
  for (const entry of await readdir(modelsDir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || !entry.name.endsWith(INSTALLING_SUFFIX) || installing.has(entry.name)) continue;
    logger.log("info", "downloads", `Removing an unfinished install ${entry.name}`);
    await rm(path.join(modelsDir, entry.name), { recursive: true, force: true });
  }
}
