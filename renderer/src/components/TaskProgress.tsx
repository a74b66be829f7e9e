import type { ReactNode } from "react";

interface TaskProgressProps {
  /** Id of the title element: it names the progress bar, and the caller's buttons refer to it. */
  titleId: string;
  title: string;
  status: string;
  /** Whole percent, 0..100. */
  percent: number;
  /** What is being worked on ("Step 3 of 20"): read after the percent, and shown before it. */
  stepText?: string;
  /** Replaces the line under the bar, which otherwise shows the step and the percent. */
  detail?: ReactNode;
  /** Shown under the line (e.g. why it failed), before Cancel. */
  children?: ReactNode;
  /** Offers Cancel, described by the title, when given. */
  onCancel?: () => void;
  cancelling?: boolean;
}

/** A job's or a download's title, status, labelled progress bar and detail line, with Cancel while it can stop. */
export function TaskProgress({ titleId, title, status, percent, stepText, detail, children, onCancel, cancelling = false }: TaskProgressProps) {
  return (
    <>
      <div className="job-heading">
        <span id={titleId} className="job-title">
          {title}
        </span>
        <span className="job-status">{status}</span>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={titleId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={stepText ? `${percent}%, ${stepText}` : `${percent}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="job-detail muted">{detail ?? (stepText ? `${stepText} · ${percent}%` : `${percent}%`)}</p>
      {children}
      {onCancel && (
        <button type="button" aria-describedby={titleId} disabled={cancelling} onClick={onCancel}>
          Cancel
        </button>
      )}
    </>
  );
}
