import { useId } from "react";
import type { Job } from "../../../../shared/jobs";
import { describeError } from "../../errors/describe-error";
import { formatTime } from "../../format";

const STATUS_LABELS: Record<Job["status"], string> = {
  queued: "Waiting",
  running: "Running",
  succeeded: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

interface JobRowProps {
  job: Job;
  cancelling: boolean;
  onCancel(): void;
}

export function JobRow({ job, cancelling, onCancel }: JobRowProps) {
  const titleId = useId();
  const percent = Math.round(job.progress.fraction * 100);
  const active = job.status === "queued" || job.status === "running";
  const steps = job.progress.total ? ` · step ${job.progress.step ?? 0} of ${job.progress.total}` : "";
  return (
    <li className={`job job-${job.status}`}>
      <div className="job-heading">
        <span id={titleId} className="job-title">
          {job.title}
        </span>
        <span className="job-status">{STATUS_LABELS[job.status]}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={titleId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="job-detail muted">
        {job.progress.message ? `${job.progress.message} · ` : ""}
        {percent}%{steps} · started {formatTime(job.startedAt ?? job.createdAt)}
      </p>
      {job.status === "failed" && job.error && <p className="error">{describeError(job.error)}</p>}
      {active && (
        <button type="button" aria-describedby={titleId} disabled={cancelling} onClick={onCancel}>
          Cancel
        </button>
      )}
    </li>
  );
}
