import { useId } from "react";
import { imageJobResultSchema, type LibraryItem } from "../../../../shared/image";
import type { Job } from "../../../../shared/jobs";
import { describeError } from "../../errors/describe-error";
import { stepText } from "./image-jobs";
import { JobResult } from "./JobResult";

const STATUS_LABELS: Record<Job["status"], string> = {
  queued: "Waiting",
  running: "Generating",
  succeeded: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

interface ImageJobCardProps {
  job: Job;
  cancelling: boolean;
  onCancel(): void;
  onOpen(item: LibraryItem): void;
}

/** One queued or running image: its live preview, progress by step, and Cancel. */
export function ImageJobCard({ job, cancelling, onCancel, onOpen }: ImageJobCardProps) {
  const titleId = useId();
  const percent = Math.round(job.progress.fraction * 100);
  const active = job.status === "queued" || job.status === "running";
  const detail = stepText(job);
  const result = job.status === "succeeded" ? imageJobResultSchema.safeParse(job.result) : null;
  return (
    <li className={`image-job job-${job.status}`}>
      <div className="image-job-preview">
        {result?.success ? (
          <JobResult itemId={result.data.itemId} title={job.title} onOpen={onOpen} />
        ) : job.progress.preview && active ? (
          <img src={job.progress.preview} alt={`Live preview of ${job.title}`} />
        ) : (
          <span className="image-job-placeholder" aria-hidden="true" />
        )}
      </div>
      <div className="image-job-body">
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
          aria-valuetext={detail ? `${percent}%, ${detail}` : `${percent}%`}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="job-detail muted">{detail ? `${detail} · ${percent}%` : `${percent}%`}</p>
        {job.status === "failed" && job.error && <p className="error">{describeError(job.error)}</p>}
        {active && (
          <button type="button" aria-describedby={titleId} disabled={cancelling} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </li>
  );
}
