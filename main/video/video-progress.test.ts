import { describe, expect, it } from "vitest";
import type { JobContext } from "../jobs/job-queue";
import { PREVIEW_INTERVAL_MS, PreviewGate, reportSpan, titleText } from "./video-progress";

describe("video job progress", () => {
  it("lets at most one preview through per 250 ms, however often the engine sends them", () => {
    let now = 0;
    const gate = new PreviewGate(() => now);
    const passed: string[] = [];
    for (let ms = 0; ms < 1000; ms += 10) {
      now = ms;
      const preview = gate.pass(`p${ms}`);
      if (preview) passed.push(preview);
    }
    expect(PREVIEW_INTERVAL_MS).toBe(250);
    expect(passed).toEqual(["p0", "p250", "p500", "p750"]);
    expect(gate.pass(undefined)).toBeUndefined();
  });

  it("maps a phase's steps onto its share of the job", () => {
    const updates: unknown[] = [];
    const ctx: JobContext = { jobId: "job-1", signal: new AbortController().signal, progress: (update) => updates.push(update) };
    reportSpan(ctx, { from: 0.9, to: 1 }, 2, 4, "Frame 2 of 4");
    reportSpan(ctx, { from: 0, to: 0.9 }, 3, 3, "Step 3 of 3", "data:image/png;base64,AA==");
    expect(updates).toEqual([
      { fraction: 0.95, step: 2, total: 4, message: "Frame 2 of 4" },
      { fraction: 0.9, step: 3, total: 3, message: "Step 3 of 3", preview: "data:image/png;base64,AA==" },
    ]);
  });

  it("names clips and jobs by their prompt on one line", () => {
    expect(titleText("  a  boat\n on a\tstream ")).toBe("a boat on a stream");
    expect(titleText("")).toBe("(no prompt)");
    expect(titleText("x".repeat(80))).toHaveLength(60);
  });
});
