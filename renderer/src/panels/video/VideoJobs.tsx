import { useMemo } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useCancelJob } from "../../components/use-cancel-job";
import { useApp } from "../../store/context";
import { panelVideoJobs } from "./video-jobs";
import { VideoJobCard } from "./VideoJobCard";

/** Clips waiting and being made (and files being exported), with live preview frames; finished ones linger briefly. */
export function VideoJobs() {
  const jobsById = useApp((s) => s.jobs);
  const jobs = useMemo(() => panelVideoJobs(jobsById), [jobsById]);
  const { run, error } = useAction();
  const { cancellingId, cancel } = useCancelJob(run);

  return (
    <section className="video-jobs" aria-labelledby="video-jobs-title">
      <h2 id="video-jobs-title">Jobs</h2>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {jobs.length === 0 ? (
        <p className="muted">Nothing queued. Press Generate (or Ctrl+Enter in the form); each press queues another clip.</p>
      ) : (
        <ul className="image-job-list video-job-list" aria-label="Video jobs">
          {jobs.map((job) => (
            <VideoJobCard key={job.id} job={job} cancelling={cancellingId === job.id} onCancel={() => cancel(job.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
