import type { StateCreator } from "zustand";
import type { Download, DownloadState } from "../../../shared/library";
import type { AppState } from "./app-state";

/** States in which a download is moving (or about to): what the tab count and the status bar report. */
const ACTIVE_STATES: readonly DownloadState[] = ["queued", "downloading", "verifying", "installing"];
/** States a download does not leave on its own; "Clear finished" removes them. */
const FINISHED_STATES: readonly DownloadState[] = ["completed", "failed", "cancelled"];

export function isActiveDownload(download: Download): boolean {
  return ACTIVE_STATES.includes(download.state);
}

export function isFinishedDownload(download: Download): boolean {
  return FINISHED_STATES.includes(download.state);
}

export interface DownloadsSlice {
  downloads: Record<string, Download>;
  setDownloads(downloads: Download[]): void;
  /** Keeps whichever copy is newer: a throttled event must not undo the answer to a Pause. */
  putDownload(download: Download): void;
}

export const createDownloadsSlice: StateCreator<AppState, [], [], DownloadsSlice> = (set) => ({
  downloads: {},
  setDownloads: (downloads) => set({ downloads: Object.fromEntries(downloads.map((d) => [d.id, d])) }),
  putDownload: (download) =>
    set((state) => {
      const known = state.downloads[download.id];
      if (known && known.updatedAt > download.updatedAt) return state;
      return { downloads: { ...state.downloads, [download.id]: download } };
    }),
});

/** Newest first, as a list. */
export function downloadList(downloads: Record<string, Download>): Download[] {
  return Object.values(downloads).sort((a, b) => b.createdAt - a.createdAt);
}

/** Bytes and count of the active downloads, for the status bar and the tab badge. */
export function activeDownloadTotals(downloads: Record<string, Download>): { count: number; receivedBytes: number; totalBytes: number } {
  let count = 0;
  let receivedBytes = 0;
  let totalBytes = 0;
  for (const download of Object.values(downloads)) {
    if (!isActiveDownload(download)) continue;
    count += 1;
    receivedBytes += download.receivedBytes;
    totalBytes += download.totalBytes;
  }
  return { count, receivedBytes, totalBytes };
}

/** The download of this thing that has not finished yet (queued, running or paused), if any. */
export function unfinishedDownload(downloads: Record<string, Download>, matches: (download: Download) => boolean): Download | undefined {
  return Object.values(downloads).find((download) => !isFinishedDownload(download) && matches(download));
}
