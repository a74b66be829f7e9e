import { useMemo } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useCancelJob } from "../../components/use-cancel-job";
import type { LibraryItem } from "../../../../shared/image";
import { useApp } from "../../store/context";
import { ImageJobCard } from "./ImageJobCard";
import { panelJobs } from "./image-jobs";

/** Images waiting and being made, with live previews; finished ones linger briefly. */
export function ImageJobs({ onOpen }: { onOpen(item: LibraryItem): void }) {
  const jobsById = useApp((s) => s.jobs);
  const jobs = useMemo(() => panelJobs(jobsById), [jobsById]);
  const { run, error } = useAction();
  const { cancellingId, cancel } = useCancelJob(run);

  return (
    <section className="image-jobs" aria-labelledby="image-jobs-title">
      <h2 id="image-jobs-title">Jobs</h2>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {jobs.length === 0 ? (
        <p className="muted">Nothing queued. Press Generate (or Ctrl+Enter in the prompt); each press queues more.</p>
      ) : (
        <ul className="image-job-list" aria-label="Image jobs">
          {jobs.map((job) => (
            <ImageJobCard key={job.id} job={job} cancelling={cancellingId === job.id} onCancel={() => cancel(job.id)} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}
