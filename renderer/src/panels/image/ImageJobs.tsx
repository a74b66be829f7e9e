import { useMemo, useState } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import type { LibraryItem } from "../../../../shared/image";
import { useApi, useApp } from "../../store/context";
import { ImageJobCard } from "./ImageJobCard";
import { panelJobs } from "./image-jobs";

/** Images waiting and being made, with live previews; finished ones linger briefly. */
export function ImageJobs({ onOpen }: { onOpen(item: LibraryItem): void }) {
  const api = useApi();
  const jobsById = useApp((s) => s.jobs);
  const putJob = useApp((s) => s.putJob);
  const jobs = useMemo(() => panelJobs(jobsById), [jobsById]);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const { run, error } = useAction();
  const cancel = (id: string) => {
    setCancelling(id);
    void run(async () => putJob(await api.jobs.cancel({ id }))).finally(() => setCancelling(null));
  };

  return (
    <section className="image-jobs" aria-labelledby="image-jobs-title">
      <h2 id="image-jobs-title">Jobs</h2>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {jobs.length === 0 ? (
        <p className="muted">Nothing queued. Press Generate (or Ctrl+Enter in the prompt); each press queues more.</p>
      ) : (
        <ul className="image-job-list" aria-label="Image jobs">
          {jobs.map((job) => (
            <ImageJobCard key={job.id} job={job} cancelling={cancelling === job.id} onCancel={() => cancel(job.id)} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}
