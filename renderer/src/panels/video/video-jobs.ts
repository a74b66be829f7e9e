import type { Job } from "../../../../shared/jobs";
import { isActiveJob } from "../../store/jobs-slice";

/** Finished jobs stay in the panel's list for a while, so a result or an error can be read. */
export const FINISHED_SHOWN = 3;

/** Jobs of the video studio: clips made, animated, interpolated, imported and exported (keyframe animation runs on the image engine). */
export function isVideoJob(job: Job): boolean {
  return job.kind.startsWith("video.");
}

/** Jobs that end in a new clip (the others export a file). */
export function makesClip(job: Job): boolean {
  return job.kind === "video.generate" || job.kind === "video.animate" || job.kind === "video.interpolate" || job.kind === "video.import";
}

/** The panel's jobs: every active one (oldest first, as they will run), then the latest finished. */
export function panelVideoJobs(jobs: Record<string, Job>): Job[] {
  const video = Object.values(jobs).filter(isVideoJob);
  const active = video.filter(isActiveJob).sort((a, b) => a.createdAt - b.createdAt);
  const finished = video
    .filter((job) => !isActiveJob(job))
    .sort((a, b) => (b.finishedAt ?? b.createdAt) - (a.finishedAt ?? a.createdAt))
    .slice(0, FINISHED_SHOWN);
  return [...active, ...finished];
}

/** "Generating", "Exporting"…: the running job's own word. */
export function runningWord(job: Job): string {
  switch (job.kind) {
    case "video.export":
      return "Exporting";
    case "video.interpolate":
      return "Interpolating";
    case "video.import":
      return "Importing";
    default:
      return "Generating";
  }
}

/** "Step 3 of 8", "Frame 5 of 16": the host's own words for the progress. */
export function videoStepText(job: Job): string {
  const { step, total, message } = job.progress;
  if (message) return message;
  return total ? `Step ${step ?? 0} of ${total}` : "";
}
