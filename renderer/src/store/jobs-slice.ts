import type { StateCreator } from "zustand";
import { FINAL_JOB_STATUSES, type Job } from "../../../shared/jobs";
import type { AppState } from "./app-state";

export interface JobsSlice {
  jobs: Record<string, Job>;
  setJobs(jobs: Job[]): void;
  putJob(job: Job): void;
  removeFinishedJobs(): void;
}

export function isFinal(job: Job): boolean {
  return FINAL_JOB_STATUSES.includes(job.status);
}

/** Waiting or running: it can still be cancelled. */
export function isActiveJob(job: Job): boolean {
  return job.status === "queued" || job.status === "running";
}

export const createJobsSlice: StateCreator<AppState, [], [], JobsSlice> = (set) => ({
  jobs: {},
  setJobs: (jobs) => set({ jobs: Object.fromEntries(jobs.map((job) => [job.id, job])) }),
  putJob: (job) =>
    set((state) => {
      const known = state.jobs[job.id];
      // A throttled update that arrives after the final state must not bring the job back to life.
      if (known && isFinal(known) && !isFinal(job)) return state;
      return { jobs: { ...state.jobs, [job.id]: job } };
    }),
  removeFinishedJobs: () =>
    set((state) => ({ jobs: Object.fromEntries(Object.entries(state.jobs).filter(([, job]) => !isFinal(job))) })),
});
