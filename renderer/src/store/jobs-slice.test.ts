import { describe, expect, it } from "vitest";
import { job } from "../test-support/fixtures";
import { createAppStore } from "./app-state";

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
});
