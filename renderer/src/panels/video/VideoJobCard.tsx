import { useId } from "react";
import type { Job } from "../../../../shared/jobs";
import { clipJobResultSchema } from "../../../../shared/video";
import { jobPercent, jobStatusLabel } from "../../components/job-status";
import { TaskProgress } from "../../components/TaskProgress";
import { describeError } from "../../errors/describe-error";
import { useApp } from "../../store/context";
import { isActiveJob } from "../../store/jobs-slice";
import { useClipThumbnail } from "./use-clip-thumbnail";
import { runningWord, videoStepText } from "./video-jobs";

interface VideoJobCardProps {
  job: Job;
  cancelling: boolean;
  onCancel(): void;
}

/** One queued or running video job: its live preview frame, progress by step or frame, and Cancel. */
export function VideoJobCard({ job, cancelling, onCancel }: VideoJobCardProps) {
  const titleId = useId();
  const active = isActiveJob(job);
  const result = job.status === "succeeded" ? clipJobResultSchema.safeParse(job.result) : null;
  return (
    <li className={`image-job video-job job-${job.status}`}>
      <div className="image-job-preview">
        {result?.success ? (
          <ClipResult clipId={result.data.clipId} title={job.title} />
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
          status={jobStatusLabel(job.status, runningWord(job))}
          percent={jobPercent(job)}
          stepText={videoStepText(job)}
          onCancel={active ? onCancel : undefined}
          cancelling={cancelling}
        >
          {job.status === "failed" && job.error && <p className="error">{describeError(job.error)}</p>}
        </TaskProgress>
      </div>
    </li>
  );
}

/** A finished job's clip: its thumbnail, putting the clip in the player when pressed. */
function ClipResult({ clipId, title }: { clipId: string; title: string }) {
  const { dataUrl } = useClipThumbnail(clipId);
  const exists = useApp((s) => s.clipItems.some((item) => item.id === clipId));
  const selectClip = useApp((s) => s.selectClip);
  if (!dataUrl) return <span className="image-job-placeholder" aria-hidden="true" />;
  const image = <img src={dataUrl} alt={`Result of ${title}`} />;
  if (!exists) return image;
  return (
    <button type="button" className="image-job-open" aria-label={`Open the result of ${title}`} onClick={() => selectClip(clipId)}>
      {image}
    </button>
  );
}
