import type { Job, JobProgress } from "../../shared/jobs";

/**
 * Per-job `job.updated` pacing: progress at most once per interval (the latest state
 * wins), status changes at once, and nothing after a job's final update.
 */
export class JobUpdateThrottle {
  private readonly lastSentAt = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly finished = new Set<string>();

  constructor(
    private readonly send: (job: Job) => void,
    private readonly intervalMs = 50,
  ) {}

  /** A progress change: sent now if the job has been quiet long enough, else once the interval ends. */
  progress(job: Job): void {
    if (this.finished.has(job.id) || this.timers.has(job.id)) return;
    const wait = (this.lastSentAt.get(job.id) ?? -Infinity) + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.sendNow(job);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(job.id);
      if (!this.finished.has(job.id)) this.sendNow(job);
    }, wait);
    this.timers.set(job.id, timer);
  }

  /** A status change: always sent at once; a final one closes the job's stream of updates. */
  status(job: Job, final: boolean): void {
    if (this.finished.has(job.id)) return;
    this.cancelTimer(job.id);
    if (final) {
      this.finished.add(job.id);
      this.lastSentAt.delete(job.id);
    }
    this.sendNow(job);
  }

  /** Forgets a job that was removed from the list. */
  forget(id: string): void {
    this.cancelTimer(id);
    this.finished.delete(id);
    this.lastSentAt.delete(id);
  }

  dispose(): void {
    for (const id of [...this.timers.keys()]) this.cancelTimer(id);
  }

  private sendNow(job: Job): void {
    if (!this.finished.has(job.id)) this.lastSentAt.set(job.id, Date.now());
    this.send(snapshot(job));
  }

  private cancelTimer(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }
}

/** A copy detached from the live job, so later mutations never leak into sent events. */
export function snapshot(job: Job): Job {
  return { ...job, progress: { ...job.progress } };
}

/** Applies a progress update; a fraction outside [0, 1] is clamped and a non-number one ignored. */
export function mergeProgress(current: JobProgress, update: Partial<JobProgress>): JobProgress {
  const { fraction } = update;
  return {
    ...current,
    ...update,
    fraction: typeof fraction === "number" && Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : current.fraction,
  };
}
