import { describe, expect, it } from "vitest";
import type { Job } from "../../../../shared/jobs";
import { panelJobs, stepText } from "./image-jobs";

function job(id: string, status: Job["status"], createdAt: number, extra: Partial<Job> = {}): Job {
  return { id, kind: "image.generate", engine: "image", title: id, status, progress: { fraction: 0 }, createdAt, ...extra };
}

describe("the Image panel's jobs", () => {
  it("lists active image jobs in run order, then the four latest finished, and no other engine's or panel's", () => {
    const jobs = Object.fromEntries(
      [
        job("late", "queued", 5),
        job("running", "running", 2),
        job("chat", "running", 1, { engine: "llm" }),
        job("animation", "running", 3, { kind: "video.animate" }),
        ...[1, 2, 3, 4, 5].map((n) => job(`done${n}`, "succeeded", 0, { finishedAt: n })),
      ].map((j) => [j.id, j]),
    );
    expect(panelJobs(jobs).map((j) => j.id)).toEqual(["running", "late", "done5", "done4", "done3", "done2"]);
  });

  it("says which step it is on", () => {
    expect(stepText(job("a", "running", 0, { progress: { fraction: 0.3, step: 3, total: 10 } }))).toBe("Step 3 of 10");
    expect(stepText(job("b", "running", 0, { progress: { fraction: 0.5, message: "Tile 2 of 4" } }))).toBe("Tile 2 of 4");
  });
});
