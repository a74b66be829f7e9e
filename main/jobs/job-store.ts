import { z } from "zod";
import { FINAL_JOB_STATUSES, jobSchema, type Job } from "../../shared/jobs";
import { readJsonFile, writeJsonAtomic } from "../fs/atomic-json";
import type { Logger } from "../log/types";

export const JOB_HISTORY_LIMIT = 500;
const jobsFileSchema = z.object({ version: z.literal(1), jobs: z.array(jobSchema) });

/**
 * Job history on disk: `<data>/jobs.json`, saved atomically as soon as it changes. Changes
 * that arrive while a save runs are folded into one save after it, so a burst of changes
 * costs two writes, and a job is on disk before its start is acknowledged.
 */
export class JobStore {
  private pending: Job[] | undefined;
  private nextSave: Promise<void> | undefined;
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
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

  /** Saves `jobs` (the newest call wins); resolves once a save that includes them is on disk. */
  save(jobs: Job[]): Promise<void> {
    this.pending = jobs.slice(-JOB_HISTORY_LIMIT);
    this.nextSave ??= this.current.then(() => this.writePending());
    return this.nextSave;
  }

  /** Waits for every save asked for so far; failures were already reported to their callers. */
  async flush(): Promise<void> {
    while (this.nextSave) await this.nextSave.catch(() => undefined);
    await this.current;
  }

  private async writePending(): Promise<void> {
    this.nextSave = undefined;
    const jobs = this.pending;
    this.pending = undefined;
    const write = writeJsonAtomic(this.file, { version: 1, jobs });
    this.current = write.catch((error: unknown) => {
      this.logger.log("error", "jobs", "Could not save the job history", { error });
    });
    await write;
  }
}
