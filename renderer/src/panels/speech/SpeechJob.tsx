import { useId } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { jobPercent, jobStatusLabel } from "../../components/job-status";
import { TaskProgress } from "../../components/TaskProgress";
import { useAction } from "../../components/use-action";
import { useCancelJob } from "../../components/use-cancel-job";
import { describeError } from "../../errors/describe-error";
import { useApp } from "../../store/context";
import { isActiveJob } from "../../store/jobs-slice";
import { progressText } from "./speech-jobs";

/** A transcription or speech job: progress by window or sentence, and Cancel while it runs. */
export function SpeechJob({ jobId, unit, doneText }: { jobId: string; unit: string; doneText: string }) {
  const job = useApp((s) => s.jobs[jobId]);
  const titleId = useId();
  const { run, error } = useAction();
  const { cancellingId, cancel } = useCancelJob(run);
  // Not known yet (the event is on its way) or cleared from the queue: nothing to show.
  if (!job) return null;
  return (
    <div className={`speech-job job-${job.status}`}>
      <TaskProgress
        titleId={titleId}
        title={job.title}
        status={job.status === "succeeded" ? doneText : jobStatusLabel(job.status, "Working")}
        percent={jobPercent(job)}
        stepText={progressText(job, unit)}
        onCancel={isActiveJob(job) ? () => cancel(job.id) : undefined}
        cancelling={cancellingId === job.id}
      >
        {job.status === "failed" && job.error && <ErrorMessage>{describeError(job.error)}</ErrorMessage>}
      </TaskProgress>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
