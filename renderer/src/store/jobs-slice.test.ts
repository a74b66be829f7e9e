import { describe, expect, it } from "vitest";
import { job } from "../test-support/fixtures";
import { createAppStore } from "./app-state";
import { isActiveJob } from "./jobs-slice";

describe("jobs slice", () => {
  it("never lets a late progress update revive a finished job", () => {
    const store = createAppStore();
    store.getState().putJob(job("j1", "running", 0.5));
    store.getState().putJob(job("j1", "succeeded", 1));
    store.getState().putJob(job("j1", "running", 0.9));
    expect(store.getState().jobs.j1?.status).toBe("succeeded");
  });

  it("clears finished jobs and keeps active ones", () => {
    const store = createAppStore();
    store.getState().setJobs([job("a", "queued"), job("b", "failed"), job("c", "running"), job("d", "cancelled")]);
    store.getState().removeFinishedJobs();
    expect(Object.keys(store.getState().jobs).sort()).toEqual(["a", "c"]);
  });

  it("counts waiting and running jobs as active", () => {
    expect(isActiveJob(job("a", "queued"))).toBe(true);
    expect(isActiveJob(job("b", "running"))).toBe(true);
    expect([job("c", "succeeded"), job("d", "failed"), job("e", "cancelled")].some(isActiveJob)).toBe(false);
  });
});
