import { useMemo } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useCancelJob } from "../../components/use-cancel-job";
import { useApi, useApp } from "../../store/context";
import { isFinal } from "../../store/jobs-slice";
import { JobRow } from "./JobRow";

/** Every job, newest first, with its progress and a way to cancel it. */
export function QueuePanel() {
  const api = useApi();
  const jobsById = useApp((s) => s.jobs);
  const removeFinishedJobs = useApp((s) => s.removeFinishedJobs);
  const { run, pending, error } = useAction();
  const { cancellingId, cancel } = useCancelJob(run);
  const jobs = useMemo(() => Object.values(jobsById).sort((a, b) => b.createdAt - a.createdAt), [jobsById]);
  const anyFinished = jobs.some(isFinal);

  const clearFinished = () =>
    void run(async () => {
      await api.jobs.clearFinished({});
      removeFinishedJobs();
    });

  return (
    <section className="panel-content" aria-labelledby="queue-title">
      <div className="panel-header">
        <h1 id="queue-title">Queue</h1>
        <button type="button" disabled={!anyFinished || pending} onClick={clearFinished}>
          Clear finished
        </button>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {jobs.length === 0 ? (
        <p className="muted">No jobs yet. Replies, images and other long work show up here while they run.</p>
      ) : (
        <ul className="job-list" aria-label="Jobs">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} cancelling={cancellingId === job.id} onCancel={() => cancel(job.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}
