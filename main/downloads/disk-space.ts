import { statfs } from "node:fs/promises";
import { AppError } from "../../shared/errors";

/** Room kept free beyond the files themselves: manifests, the download list, the filesystem's own needs. */
export const DISK_RESERVE_BYTES = 16 * 1024 * 1024;

export async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return Number(stats.bavail) * Number(stats.bsize);
}

/** Throws DISK_FULL, saying how much is needed and free, unless `needed` bytes (plus a reserve) fit in `dir`. */
export async function ensureFreeSpace(dir: string, needed: number, what: string): Promise<void> {
  const free = await freeBytes(dir);
  if (needed + DISK_RESERVE_BYTES <= free) return;
  throw new AppError(
    "DISK_FULL",
    `Not enough disk space for ${what}: it needs ${formatBytes(needed)} and ${formatBytes(free)} is free.`,
    { neededBytes: needed, freeBytes: free },
  );
}

export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
