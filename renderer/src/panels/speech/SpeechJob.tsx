import { useId, useState } from "react";
import type { Job } from "../../../../shared/jobs";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { describeError } from "../../errors/describe-error";
import { useApi, useApp } from "../../store/context";
import { isActiveJob, progressText } from "./speech-jobs";

const STATUS_LABELS: Record<Job["status"], string> = {
  queued: "Waiting",
  running: "Working",
  succeeded: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** A transcription or speech job: progress by window or sentence, and Cancel while it runs. */
export function SpeechJob({ jobId, unit, doneText }: { jobId: string; unit: string; doneText: string }) {
  const api = useApi();
  const job = useApp((s) => s.jobs[jobId]);
  const putJob = useApp((s) => s.putJob);
  const titleId = useId();
  const cancel = useAction();
  const [cancelling, setCancelling] = useState(false);
  // Not known yet (the event is on its way) or cleared from the queue: nothing to show.
  if (!job) return null;
  const percent = Math.round(job.progress.fraction * 100);
  const detail = progressText(job, unit);
  const active = isActiveJob(job);
  const onCancel = () => {
    setCancelling(true);
    void cancel.run(async () => putJob(await api.jobs.cancel({ id: job.id }))).finally(() => setCancelling(false));
  };
  return (
    <div className={`speech-job job-${job.status}`}>
      <div className="job-heading">
        <span id={titleId} className="job-title">
          {job.title}
        </span>
        <span className="job-status">{job.status === "succeeded" ? doneText : STATUS_LABELS[job.status]}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={titleId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail ? `${percent}%, ${detail}` : `${percent}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="job-detail muted">{detail ? `${detail} · ${percent}%` : `${percent}%`}</p>
      {active && (
        <button type="button" aria-describedby={titleId} disabled={cancelling} onClick={onCancel}>
          Cancel
        </button>
      )}
      {job.status === "failed" && job.error && <ErrorMessage>{describeError(job.error)}</ErrorMessage>}
      {cancel.error && <ErrorMessage>{cancel.error}</ErrorMessage>}
    </div>
  );
}
