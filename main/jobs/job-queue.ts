import { randomBytes } from "node:crypto";
import { AppError, toAppErrorShape } from "../../shared/errors";
import { FINAL_JOB_STATUSES, type EngineName, type Job, type JobProgress, type JobStatus } from "../../shared/jobs";
import type { EventBus } from "../events/bus";
import type { Logger } from "../log/types";
import { entriesToStart } from "./job-slots";
import { JOB_HISTORY_LIMIT, type JobStore } from "./job-store";
import { JobUpdateThrottle, mergeProgress, snapshot } from "./job-updates";

export interface JobContext {
  jobId: string;
  /** Aborted when the job is cancelled. */
  signal: AbortSignal;
  progress(update: Partial<JobProgress>): void;
}

export interface JobSpec<Result> {
  kind: string;
  engine: EngineName;
  title: string;
  /** The work; its result must be plain JSON. Throw AppError CANCELLED to end as cancelled. */
  run(ctx: JobContext): Promise<Result>;
}

interface Entry {
  job: Job;
  run: (ctx: JobContext) => Promise<unknown>;
  controller: AbortController;
  settled: Promise<Job>;
  settle: (job: Job) => void;
}

export interface JobQueueOptions {
  events: EventBus;
  store: JobStore;
  logger: Logger;
  /** Jobs one engine may run at once; read each time a job could start. */
  concurrency: (engine: EngineName) => number;
}

/** Long work as jobs: queued → running → succeeded | failed | cancelled, per-engine slots. */
export class JobQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly throttle: JobUpdateThrottle;

  private constructor(private readonly options: JobQueueOptions, history: Job[]) {
    this.throttle = new JobUpdateThrottle((job) => options.events.emit("job.updated", job));
    for (const job of history) this.entries.set(job.id, finishedEntry(job));
  }

  static async open(options: JobQueueOptions): Promise<JobQueue> {
    return new JobQueue(options, await options.store.load());
  }

  enqueue<Result>(spec: JobSpec<Result>): Job {
    const job: Job = {
      id: `job-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`,
      kind: spec.kind,
      engine: spec.engine,
      title: spec.title,
      status: "queued",
      progress: { fraction: 0 },
      createdAt: Date.now(),
    };
    let settle: (job: Job) => void = () => undefined;
    const settled = new Promise<Job>((resolve) => (settle = resolve));
    this.entries.set(job.id, { job, run: spec.run, controller: new AbortController(), settled, settle });
    this.changed(job, "queued");
    const created = snapshot(job);
    this.pump();
    return created;
  }

  /**
   * Resolves once the history that holds these jobs is on disk, so a start is acknowledged
   * only when a host kill can no longer lose it. When the save fails the jobs are cancelled
   * and the save's error (e.g. DISK_FULL) is thrown.
   */
  async persisted(ids: string[]): Promise<void> {
    try {
      await this.persist();
    } catch (error) {
      for (const id of ids) if (this.entries.has(id)) this.cancel(id);
      throw error;
    }
  }

  /** Cancels a queued job at once, or aborts a running one (it ends `cancelled`). Finished jobs stay as they are. */
  cancel(id: string): Job {
    const entry = this.require(id);
    if (entry.job.status === "queued") this.finish(entry, "cancelled", {});
    else if (entry.job.status === "running") entry.controller.abort(new AppError("CANCELLED", "Cancelled."));
    return snapshot(entry.job);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Starts whatever the current concurrency now allows (after a settings change). */
  reschedule(): void {
    this.pump();
  }

  get(id: string): Job {
    return snapshot(this.require(id).job);
  }

  /** Newest first. */
  list(): Job[] {
    return [...this.entries.values()].map((entry) => snapshot(entry.job)).reverse();
  }

  /** Resolves with the job once it has finished, however it ended. */
  whenFinished(id: string): Promise<Job> {
    return this.require(id).settled;
  }

  clearFinished(): number {
    let removed = 0;
    for (const [id, entry] of this.entries) {
      if (!FINAL_JOB_STATUSES.includes(entry.job.status)) continue;
      this.entries.delete(id);
      this.throttle.forget(id);
      removed++;
    }
    if (removed > 0) this.persistInBackground();
    return removed;
  }

  /** Cancels every unfinished job, waits for them, and saves the history. */
  async dispose(): Promise<void> {
    const active = [...this.entries.values()].filter((entry) => !FINAL_JOB_STATUSES.includes(entry.job.status));
    for (const entry of active) this.cancel(entry.job.id);
    await Promise.all(active.map((entry) => entry.settled));
    this.throttle.dispose();
    await this.options.store.flush();
  }

  private require(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError("NOT_FOUND", `There is no job ${id}.`);
    return entry;
  }

  private pump(): void {
    for (const entry of entriesToStart(this.entries.values(), (engine) => this.options.concurrency(engine))) this.start(entry);
  }

  private start(entry: Entry): void {
    const { job, controller } = entry;
    job.status = "running";
    job.startedAt = Date.now();
    this.changed(job, "running");
    const progress = (update: Partial<JobProgress>) => {
      if (job.status !== "running") return;
      job.progress = mergeProgress(job.progress, update);
      this.throttle.progress(job);
    };
    // The run starts on a later tick so enqueue() always returns before any work happens.
    void Promise.resolve()
      .then(() => entry.run({ jobId: job.id, signal: controller.signal, progress }))
      .then(
        (result) => {
          if (controller.signal.aborted) this.finish(entry, "cancelled", {});
          else this.finish(entry, "succeeded", { result, progress: { ...job.progress, fraction: 1 } });
        },
        (error: unknown) => {
          const shape = toAppErrorShape(error);
          if (controller.signal.aborted || shape.code === "CANCELLED") this.finish(entry, "cancelled", {});
          else {
            if (shape.code === "INTERNAL") this.options.logger.log("error", "jobs", `Job ${job.kind} failed`, { error });
            this.finish(entry, "failed", { error: shape });
          }
        },
      );
  }

  private finish(entry: Entry, status: JobStatus, extra: Partial<Job>): void {
    Object.assign(entry.job, extra, { status, finishedAt: Date.now() });
    this.changed(entry.job, status);
    entry.settle(snapshot(entry.job));
    this.prune();
    this.pump();
  }

  private changed(job: Job, status: JobStatus): void {
    this.throttle.status(job, FINAL_JOB_STATUSES.includes(status));
    this.persistInBackground();
  }

  /** Keeps the newest finished jobs within the history limit. */
  private prune(): void {
    let excess = this.entries.size - JOB_HISTORY_LIMIT;
    for (const [id, entry] of this.entries) {
      if (excess <= 0) break;
      if (!FINAL_JOB_STATUSES.includes(entry.job.status)) continue;
      this.entries.delete(id);
      this.throttle.forget(id);
      excess--;
    }
  }

  private persist(): Promise<void> {
    return this.options.store.save([...this.entries.values()].map((entry) => entry.job));
  }

  /** The store logs a failed save; the queue goes on in memory. */
  private persistInBackground(): void {
    this.persist().catch(() => undefined);
  }
}

function finishedEntry(job: Job): Entry {
  const noop = () => undefined;
  return { job, run: async () => undefined, controller: new AbortController(), settled: Promise.resolve(job), settle: noop };
}
