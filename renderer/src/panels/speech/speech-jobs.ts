import type { Job } from "../../../../shared/jobs";

/**
 * "Window 2 of 5" (transcription) or "Sentence 1 of 3" (speech) from the job's steps; the
 * job's own message while it counts none (e.g. loading the model).
 */
export function progressText(job: Job, unit: string): string {
  const { step, total, message } = job.progress;
  if (job.status === "queued") return "Waiting for the speech engine";
  if (total && step !== undefined) return `${unit} ${Math.min(step + (job.status === "running" && step < total ? 1 : 0), total)} of ${total}`;
  return message ?? "";
}
