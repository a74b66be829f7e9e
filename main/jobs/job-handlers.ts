import type { HandlersFor } from "../router";
import type { JobQueue } from "./job-queue";

export function jobHandlers(jobs: JobQueue): HandlersFor<"jobs"> {
  return {
    "jobs.list": async () => jobs.list(),
    "jobs.cancel": async ({ id }) => jobs.cancel(id),
    "jobs.clearFinished": async () => ({ removed: jobs.clearFinished() }),
  };
}
