import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Job } from "../../shared/jobs";
import { JobUpdateThrottle } from "./job-updates";

function job(fraction: number, status: Job["status"] = "running"): Job {
  return { id: "job-1", kind: "test", engine: "llm", title: "t", status, progress: { fraction }, createdAt: 0 };
}

describe("job update throttle", () => {
  it("sends the first progress at once and the latest one when the interval ends", async () => {
    const sent: Job[] = [];
    const throttle = new JobUpdateThrottle((j) => sent.push(j), 40);
    throttle.progress(job(0.1));
    throttle.progress(job(0.2));
    throttle.progress(job(0.3));
    expect(sent.map((j) => j.progress.fraction)).toEqual([0.1]);
    await sleep(60);
    expect(sent.map((j) => j.progress.fraction)).toEqual([0.1, 0.2]);
  });

  it("never sends a pending progress after the final state", async () => {
    const sent: Job[] = [];
    const throttle = new JobUpdateThrottle((j) => sent.push(j), 40);
    throttle.progress(job(0.1));
    throttle.progress(job(0.5));
    throttle.status(job(1, "succeeded"), true);
    throttle.progress(job(0.7));
    throttle.status(job(1, "failed"), true);
    await sleep(80);
    expect(sent.map((j) => j.status)).toEqual(["running", "succeeded"]);
  });

  it("sends snapshots that later changes do not alter", () => {
    const sent: Job[] = [];
    const throttle = new JobUpdateThrottle((j) => sent.push(j), 40);
    const live = job(0.1);
    throttle.status(live, false);
    live.progress.fraction = 0.9;
    expect(sent[0]?.progress.fraction).toBe(0.1);
  });
});
