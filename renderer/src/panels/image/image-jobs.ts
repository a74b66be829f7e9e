import type { Job } from "../../../../shared/jobs";
import { isActiveJob } from "../../store/jobs-slice";

/** Finished jobs stay in the panel's list for a while, so a result or an error can be read. */
export const FINISHED_SHOWN = 4;

/**
 * The image engine's jobs for the panel: every active one (oldest first, as they will run), then the
 * latest finished. Keyframe animation runs on the image engine too, but belongs to the Video panel.
 */
export function panelJobs(jobs: Record<string, Job>): Job[] {
  const image = Object.values(jobs).filter((job) => job.engine === "image" && !job.kind.startsWith("video."));
  const active = image.filter(isActiveJob).sort((a, b) => a.createdAt - b.createdAt);
  const finished = image
    .filter((job) => !isActiveJob(job))
    .sort((a, b) => (b.finishedAt ?? b.createdAt) - (a.finishedAt ?? a.createdAt))
    .slice(0, FINISHED_SHOWN);
  return [...active, ...finished];
}

/** "Step 3 of 20", or what the job is doing when it counts no steps. */
export function stepText(job: Job): string {
  const { step, total, message } = job.progress;
  if (total) return `Step ${step ?? 0} of ${total}`;
  return message ?? "";
}
