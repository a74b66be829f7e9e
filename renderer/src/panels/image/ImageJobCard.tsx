import { useId } from "react";
import { imageJobResultSchema, type LibraryItem } from "../../../../shared/image";
import type { Job } from "../../../../shared/jobs";
import { jobPercent, jobStatusLabel } from "../../components/job-status";
import { TaskProgress } from "../../components/TaskProgress";
import { describeError } from "../../errors/describe-error";
import { isActiveJob } from "../../store/jobs-slice";
import { stepText } from "./image-jobs";
import { JobResult } from "./JobResult";

interface ImageJobCardProps {
  job: Job;
  cancelling: boolean;
  onCancel(): void;
  onOpen(item: LibraryItem): void;
}

/** One queued or running image: its live preview, progress by step, and Cancel. */
export function ImageJobCard({ job, cancelling, onCancel, onOpen }: ImageJobCardProps) {
  const titleId = useId();
  const active = isActiveJob(job);
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
        <TaskProgress
          titleId={titleId}
          title={job.title}
          status={jobStatusLabel(job.status, "Generating")}
          percent={jobPercent(job)}
          stepText={stepText(job)}
          onCancel={active ? onCancel : undefined}
          cancelling={cancelling}
        >
          {job.status === "failed" && job.error && <p className="error">{describeError(job.error)}</p>}
        </TaskProgress>
      </div>
    </li>
  );
}
