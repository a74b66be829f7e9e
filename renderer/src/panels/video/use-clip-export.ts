import { useCallback } from "react";
import { AppError } from "../../../../shared/errors";
import type { ClipFormat, ClipItem } from "../../../../shared/video";
import { useAction } from "../../components/use-action";
import { downloadUrl } from "../../download-file";
import { formatBytes } from "../../format";
import { useApi, useAppStore } from "../../store/context";
import { dataUrlToBlob } from "./data-url";
import { waitForJob } from "./wait-for-job";

/** Exports a clip (a job on the host, shown in Jobs), then saves the file through the browser's download. */
export function useClipExport(clip: ClipItem, setNote: (note: string) => void) {
  const api = useApi();
  const store = useAppStore();
  const { run, pending, error } = useAction();
  const exportAs = useCallback(
    (format: ClipFormat) => {
      setNote(`Exporting ${format.toUpperCase()}…`);
      void run(async () => {
        const { jobId } = await api.video.export({ clipId: clip.id, format });
        const job = await waitForJob(store, api, jobId);
        if (job.status === "cancelled") return setNote("Export cancelled.");
        if (job.status === "failed") {
          setNote("");
          throw job.error ? new AppError(job.error.code, job.error.message) : new Error("The export failed.");
        }
        const file = await api.video.download({ clipId: clip.id, format });
        const blob = dataUrlToBlob(file.dataUrl);
        const url = URL.createObjectURL(blob);
        downloadUrl(url, file.filename);
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        setNote(`Saved ${file.filename} (${formatBytes(blob.size)}).`);
      }).then((ok) => ok || setNote(""));
    },
    [api, store, clip.id, run, setNote],
  );
  return { exportAs, pending, error };
}
