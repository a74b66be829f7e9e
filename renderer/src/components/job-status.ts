import type { Job } from "../../../shared/jobs";

/** "Waiting", "Done"…; `running` is the panel's own word for the work ("Generating", "Working"). */
export function jobStatusLabel(status: Job["status"], running: string): string {
  switch (status) {
    case "queued":
      return "Waiting";
    case "running":
      return running;
    case "succeeded":
      return "Done";
    case "failed":
      return "Failed";
    case "cancelled":
      return "Cancelled";
  }
}

/** The job's progress as a whole percent. */
export function jobPercent(job: Job): number {
  return Math.round(job.progress.fraction * 100);
}
