import { useId } from "react";
import type { Job } from "../../../../shared/jobs";
import { jobPercent, jobStatusLabel } from "../../components/job-status";
import { TaskProgress } from "../../components/TaskProgress";
import { describeError } from "../../errors/describe-error";
import { formatTime } from "../../format";
import { isActiveJob } from "../../store/jobs-slice";

interface JobRowProps {
  job: Job;
  cancelling: boolean;
  onCancel(): void;
}

export function JobRow({ job, cancelling, onCancel }: JobRowProps) {
  const titleId = useId();
  const percent = jobPercent(job);
  const steps = job.progress.total ? ` · step ${job.progress.step ?? 0} of ${job.progress.total}` : "";
  return (
    <li className={`job job-${job.status}`}>
      <TaskProgress
        titleId={titleId}
        title={job.title}
        status={jobStatusLabel(job.status, "Running")}
        percent={percent}
        detail={
          <>
            {job.progress.message ? `${job.progress.message} · ` : ""}
            {percent}%{steps} · started {formatTime(job.startedAt ?? job.createdAt)}
          </>
        }
        onCancel={isActiveJob(job) ? onCancel : undefined}
        cancelling={cancelling}
      >
        {job.status === "failed" && job.error && <p className="error">{describeError(job.error)}</p>}
      </TaskProgress>
    </li>
  );
}
