import type { ApiClient } from "../../../../shared/api";
import type { Job } from "../../../../shared/jobs";
import type { AppStore } from "../../store/app-state";
import { isFinal } from "../../store/jobs-slice";

/**
 * Resolves with the job once it has finished (succeeded, failed or cancelled), as the store hears of it
 * from job.updated events; asks the host once too, in case an event was missed before listening.
 */
export function waitForJob(store: AppStore, api: Pick<ApiClient, "jobs">, jobId: string): Promise<Job> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const job = store.getState().jobs[jobId];
      if (!job || !isFinal(job)) return false;
      unsubscribe();
      resolve(job);
      return true;
    };
    const unsubscribe = store.subscribe(check);
    if (check()) return;
    void api.jobs.list({}).then(
      (jobs) => {
        const job = jobs.find((candidate) => candidate.id === jobId);
        if (job) store.getState().putJob(job);
      },
      () => undefined,
    );
  });
}
