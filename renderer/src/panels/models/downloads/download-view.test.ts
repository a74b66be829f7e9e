import { describe, expect, it } from "vitest";
import { DOWNLOAD_STATES } from "../../../../../shared/library";
import { download } from "../../../test-support/fixtures";
import { actionsFor, describeDownloadError, describeTransfer, DOWNLOAD_STATE_LABELS } from "./download-view";

describe("download view", () => {
  it("offers pause while moving, resume when paused, retry when failed, and nothing once done", () => {
    expect(actionsFor("downloading")).toEqual(["pause", "cancel"]);
    expect(actionsFor("queued")).toEqual(["pause", "cancel"]);
    expect(actionsFor("paused")).toEqual(["resume", "cancel"]);
    expect(actionsFor("failed")).toEqual(["retry", "cancel"]);
    for (const state of ["verifying", "installing", "completed", "cancelled"] as const) expect(actionsFor(state)).toEqual([]);
    expect(DOWNLOAD_STATES.every((state) => DOWNLOAD_STATE_LABELS[state].length > 0)).toBe(true);
  });

  it("shows speed and time left only while downloading", () => {
    const moving = download("a", "downloading", { receivedBytes: 12_300_000, totalBytes: 50_000_000, bytesPerSecond: 2_100_000, etaSeconds: 18 });
    expect(describeTransfer(moving)).toBe("12.3 MB of 50.0 MB · 2.1 MB/s · 18 s left");
    expect(describeTransfer({ ...moving, state: "paused" })).toBe("12.3 MB of 50.0 MB");
  });

  it("adds advice a creator can act on to the host's message", () => {
    expect(describeDownloadError({ code: "DISK_FULL", message: "Needs 4.0 GB, 1.0 GB free." })).toBe(
      "Needs 4.0 GB, 1.0 GB free. Free some disk space, then press Retry.",
    );
    expect(describeDownloadError({ code: "DOWNLOAD_FAILED", message: "" })).toBe("The download failed.");
  });

  it("offers no Retry for a model that cannot run, since the pinned files would come again, and says what to do instead", () => {
    const incompatible = { code: "MODEL_INCOMPATIBLE" as const, message: 'The downloaded file "x.gguf" is not a readable GGUF model. Nothing was installed.' };
    expect(actionsFor("failed", incompatible)).toEqual(["cancel"]);
    expect(actionsFor("failed", { code: "DOWNLOAD_FAILED", message: "Connection reset." })).toEqual(["retry", "cancel"]);
    const described = describeDownloadError(incompatible);
    expect(described).toMatch(/^The downloaded file "x.gguf" is not a readable GGUF model\. Nothing was installed\. /);
    expect(described).toContain("choose another model");
    expect(described).not.toContain("press Retry");
  });
});
