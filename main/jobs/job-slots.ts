import type { EngineName, Job } from "../../shared/jobs";

/**
 * The queued entries that may start now, oldest first: each engine runs at most its concurrency
 * (at least 1) at once, counting the jobs it already runs.
 */
export function entriesToStart<E extends { job: Job }>(entries: Iterable<E>, concurrency: (engine: EngineName) => number): E[] {
  const all = [...entries];
  const running = new Map<EngineName, number>();
  for (const { job } of all) {
    if (job.status === "running") running.set(job.engine, (running.get(job.engine) ?? 0) + 1);
  }
  const startable: E[] = [];
  for (const entry of all) {
    const { engine, status } = entry.job;
    if (status !== "queued") continue;
    const busy = running.get(engine) ?? 0;
    if (busy >= Math.max(1, concurrency(engine))) continue;
    running.set(engine, busy + 1);
    startable.push(entry);
  }
  return startable;
}
