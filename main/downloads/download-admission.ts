import { AppError } from "../../shared/errors";
import { ensureFreeSpace } from "./disk-space";
import type { DownloadPlan } from "./download-plan";
import { FINAL_DOWNLOAD_STATES, remainingBytes, type DownloadRecord } from "./download-record";

/**
 * Refuses a model that is already installed, or one the disk cannot hold. Free space is checked
 * against everything still to come, so two queued downloads cannot both count the same bytes.
 */
export async function checkRoomFor(
  plan: DownloadPlan,
  totalBytes: number,
  records: readonly DownloadRecord[],
  downloadsDir: string,
  isInstalled: (modelId: string) => Promise<boolean>,
): Promise<void> {
  if (await isInstalled(plan.modelId)) {
    throw new AppError("INVALID_INPUT", `"${plan.name}" is already installed as ${plan.modelId}.`);
  }
  const pending = records.filter((r) => !FINAL_DOWNLOAD_STATES.includes(r.state));
  await ensureFreeSpace(downloadsDir, pending.reduce((sum, r) => sum + remainingBytes(r), totalBytes), plan.name);
}

/** Refuses a second download of a model still in the list; call it after the last await before adding. */
export function refuseDuplicate(plan: DownloadPlan, records: readonly DownloadRecord[]): void {
  if (records.some((r) => r.modelId === plan.modelId && r.state !== "completed" && r.state !== "cancelled")) {
    throw new AppError("INVALID_INPUT", `"${plan.name}" is already in the download list: resume or cancel it there.`);
  }
}
