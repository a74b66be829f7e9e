import { z } from "zod";
import { FINAL_JOB_STATUSES, jobSchema, type Job } from "../../shared/jobs";
import { readJsonFile, writeJsonAtomic } from "../fs/atomic-json";
import type { Logger } from "../log/types";

export const JOB_HISTORY_LIMIT = 500;
const jobsFileSchema = z.object({ version: z.literal(1), jobs: z.array(jobSchema) });

/** Job history on disk: `<data>/jobs.json`, saved atomically a moment after the last change. */
export class JobStore {
  private timer: NodeJS.Timeout | undefined;
  private pending: Job[] | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
    private readonly debounceMs = 250,
  ) {}

  /** The saved history; jobs the last run left unfinished come back failed, saying why. */
  async load(): Promise<Job[]> {
    const read = await readJsonFile(this.file, jobsFileSchema, this.logger);
    if (read.kind !== "ok") return [];
    const now = Date.now();
    return read.value.jobs.map((job) =>
      FINAL_JOB_STATUSES.includes(job.status)
        ? job
        : {
            ...job,
            status: "failed" as const,
            finishedAt: now,
            error: { code: "INTERNAL" as const, message: "Atelier closed before this job finished." },
          },
    );
  }

  /** Schedules a save of `jobs` (the newest call wins). */
  save(jobs: Job[]): void {
    this.pending = jobs.slice(-JOB_HISTORY_LIMIT);
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Writes any scheduled save now and waits for every write to finish. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const jobs = this.pending;
    this.pending = undefined;
    if (jobs) {
      this.writing = this.writing.then(() =>
        writeJsonAtomic(this.file, { version: 1, jobs }).catch((error: unknown) => {
          this.logger.log("error", "jobs", "Could not save the job history", { error });
        }),
      );
    }
    await this.writing;
  }
}
