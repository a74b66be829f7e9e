import { useId, useState } from "react";
import type { Download } from "../../../../../shared/library";
import { TaskProgress } from "../../../components/TaskProgress";
import { percentOf } from "../../../format";
import { DownloadFiles } from "./DownloadFiles";
import { actionsFor, describeDownloadError, describeTransfer, DOWNLOAD_STATE_LABELS, type DownloadAction } from "./download-view";

const ACTION_LABELS: Record<DownloadAction, string> = { pause: "Pause", resume: "Resume", retry: "Retry", cancel: "Cancel" };

interface DownloadRowProps {
  download: Download;
  busy: boolean;
  onAction(action: DownloadAction): void;
}

/** One download: state, progress, speed and time left, its files, and what can be done with it. */
export function DownloadRow({ download, busy, onAction }: DownloadRowProps) {
  const nameId = useId();
  const filesId = useId();
  const [showFiles, setShowFiles] = useState(false);
  const percent = download.state === "completed" ? 100 : percentOf(download.receivedBytes, download.totalBytes);
  const fileCount = download.files.length;
  return (
    <li className={`job download download-${download.state}`} aria-labelledby={nameId}>
      <TaskProgress
        titleId={nameId}
        title={download.name}
        status={DOWNLOAD_STATE_LABELS[download.state]}
        percent={percent}
        detail={
          <>
            {download.repo} · {describeTransfer(download)}
            {download.attempts > 1 && download.state === "downloading" ? ` · attempt ${download.attempts}` : ""}
          </>
        }
      >
        {download.state === "failed" && download.error && <p className="error">{describeDownloadError(download.error)}</p>}
      </TaskProgress>
      <div className="row-actions download-actions">
        <button type="button" className="quiet" aria-expanded={showFiles} aria-controls={filesId} onClick={() => setShowFiles(!showFiles)}>
          {showFiles ? "Hide files" : "Show files"} ({fileCount})
        </button>
        {actionsFor(download.state, download.error).map((action) => (
          <button key={action} type="button" aria-describedby={nameId} disabled={busy} onClick={() => onAction(action)}>
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
      {showFiles && <DownloadFiles id={filesId} files={download.files} />}
    </li>
  );
}
