import { describe, expect, it } from "vitest";
import { download } from "../test-support/fixtures";
import { createAppStore } from "./app-state";
import { activeDownloadTotals, downloadList, isActiveDownload, isFinishedDownload, unfinishedDownload } from "./downloads-slice";

describe("downloads slice", () => {
  it("keeps the newer copy of a download, so a late event cannot undo a Pause", () => {
    const store = createAppStore();
    store.getState().putDownload(download("d1", "downloading", { receivedBytes: 10, updatedAt: 5 }));
    store.getState().putDownload(download("d1", "paused", { receivedBytes: 20, updatedAt: 7 }));
    store.getState().putDownload(download("d1", "downloading", { receivedBytes: 15, updatedAt: 6 }));
    expect(store.getState().downloads.d1).toMatchObject({ state: "paused", receivedBytes: 20 });
    store.getState().putDownload(download("d1", "downloading", { receivedBytes: 25, updatedAt: 7 }));
    expect(store.getState().downloads.d1?.state).toBe("downloading");
  });

  it("replaces everything with a fresh list and lists newest first", () => {
    const store = createAppStore();
    store.getState().putDownload(download("gone", "completed"));
    store.getState().setDownloads([download("old", "completed", { createdAt: 1 }), download("new", "queued", { createdAt: 9 })]);
    expect(downloadList(store.getState().downloads).map((d) => d.id)).toEqual(["new", "old"]);
  });

  it("tells active, paused and finished downloads apart and sums the active ones", () => {
    const downloads = {
      a: download("a", "downloading", { receivedBytes: 30, totalBytes: 100 }),
      b: download("b", "queued", { receivedBytes: 0, totalBytes: 50 }),
      c: download("c", "paused", { receivedBytes: 40, totalBytes: 100 }),
      d: download("d", "failed"),
    };
    expect(isActiveDownload(downloads.a)).toBe(true);
    expect(isActiveDownload(downloads.c)).toBe(false);
    expect(isFinishedDownload(downloads.c)).toBe(false);
    expect(isFinishedDownload(downloads.d)).toBe(true);
    expect(activeDownloadTotals(downloads)).toEqual({ count: 2, receivedBytes: 30, totalBytes: 150 });
    expect(unfinishedDownload(downloads, (d) => d.id === "c")?.id).toBe("c");
    expect(unfinishedDownload(downloads, (d) => d.id === "d")).toBeUndefined();
  });
});
