import type { Download } from "../../../../../shared/library";
import { formatTransfer, percentOf } from "../../../format";

/** Per-file progress of one download. */
export function DownloadFiles({ id, files }: { id: string; files: Download["files"] }) {
  return (
    <ul id={id} className="download-files" aria-label="Files">
      {files.map((file) => (
        <li key={file.path}>
          <span className="file-path">{file.path}</span>{" "}
          <span className="muted">
            {formatTransfer(file.receivedBytes, file.size)} ({percentOf(file.receivedBytes, file.size)}%)
            {file.verified ? " · verified" : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
