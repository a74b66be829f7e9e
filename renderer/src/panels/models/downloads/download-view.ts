import type { AppErrorShape } from "../../../../../shared/errors";
import type { Download, DownloadState } from "../../../../../shared/library";
import { describeError } from "../../../errors/describe-error";
import { formatEta, formatSpeed, formatTransfer } from "../../../format";

export const DOWNLOAD_STATE_LABELS: Record<DownloadState, string> = {
  queued: "Waiting",
  downloading: "Downloading",
  paused: "Paused",
  verifying: "Verifying",
  installing: "Installing",
  completed: "Installed",
  failed: "Failed",
  cancelled: "Cancelled",
};

export type DownloadAction = "pause" | "resume" | "retry" | "cancel";

/** Failures a retry would repeat: the download is pinned to a commit, so the same files come again. */
const NOT_RETRYABLE: ReadonlySet<AppErrorShape["code"]> = new Set(["MODEL_INCOMPATIBLE"]);

/**
 * The buttons a download in this state offers; verifying and installing finish on their own.
 * A failure that a retry would only repeat offers no Retry.
 */
export function actionsFor(state: DownloadState, error?: AppErrorShape): DownloadAction[] {
  switch (state) {
    case "queued":
    case "downloading":
      return ["pause", "cancel"];
    case "paused":
      return ["resume", "cancel"];
    case "failed":
      return error && NOT_RETRYABLE.has(error.code) ? ["cancel"] : ["retry", "cancel"];
    case "verifying":
    case "installing":
    case "completed":
    case "cancelled":
      return [];
  }
}

/** "12.3 MB of 50.0 MB · 2.1 MB/s · 20 s left" while moving; just the bytes otherwise. */
export function describeTransfer(download: Download): string {
  const bytes = formatTransfer(download.receivedBytes, download.totalBytes);
  if (download.state !== "downloading") return bytes;
  return `${bytes} · ${formatSpeed(download.bytesPerSecond)} · ${formatEta(download.etaSeconds)}`;
}

const ADVICE: Partial<Record<AppErrorShape["code"], string>> = {
  DISK_FULL: "Free some disk space, then press Retry.",
  CHECKSUM_MISMATCH: "Nothing was installed. Press Retry to download it again.",
  MODEL_INCOMPATIBLE: "Retrying would fetch the same files, so remove this download and choose another model or file from the catalog.",
};

/** The host's words for what went wrong, plus what the person can do about it when that is clear. */
export function describeDownloadError(error: AppErrorShape): string {
  const advice = ADVICE[error.code];
  const message = describeError(error);
  return advice ? `${message} ${advice}` : message;
}
