import { useMemo, useState } from "react";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useAction } from "../../../components/use-action";
import { useApi, useApp } from "../../../store/context";
import { downloadList, isFinishedDownload } from "../../../store/downloads-slice";
import { DownloadRow } from "./DownloadRow";
import type { DownloadAction } from "./download-view";

/** Every download, newest first, with pause, resume, cancel and retry. */
export function DownloadsTab() {
  const api = useApi();
  const downloadsById = useApp((s) => s.downloads);
  const putDownload = useApp((s) => s.putDownload);
  const setDownloads = useApp((s) => s.setDownloads);
  const [busyId, setBusyId] = useState<string | null>(null);
  const { run, pending, error } = useAction();
  const downloads = useMemo(() => downloadList(downloadsById), [downloadsById]);
  const anyFinished = downloads.some(isFinishedDownload);

  const act = (id: string, action: DownloadAction) => {
    setBusyId(id);
    const call = action === "pause" ? api.downloads.pause : action === "cancel" ? api.downloads.cancel : api.downloads.resume;
    void run(async () => putDownload(await call({ id }))).finally(() => setBusyId(null));
  };
  const clearFinished = () =>
    void run(async () => {
      await api.downloads.clearFinished({});
      setDownloads(await api.downloads.list({}));
    });

  return (
    <div className="downloads">
      <div className="panel-header">
        <p className="muted">Downloads are checked against their published checksums before a model is installed.</p>
        <button type="button" disabled={!anyFinished || pending} onClick={clearFinished}>
          Clear finished
        </button>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {downloads.length === 0 ? (
        <p className="muted">No downloads yet. Start one from the Catalog or from Search Hugging Face.</p>
      ) : (
        <ul className="job-list" aria-label="Downloads">
          {downloads.map((download) => (
            <DownloadRow key={download.id} download={download} busy={busyId === download.id} onAction={(action) => act(download.id, action)} />
          ))}
        </ul>
      )}
    </div>
  );
}
