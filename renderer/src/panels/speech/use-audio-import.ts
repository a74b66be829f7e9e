import { useCallback } from "react";
import { useAction } from "../../components/use-action";
import { useApi, useAppStore } from "../../store/context";
import { audioMimeType, blobToDataUrl, unsupportedFileMessage } from "./audio-file";

/** What one data: URL may carry (the contract's limit is 200 MB of base64 text). */
const MAX_BYTES = 140 * 1024 * 1024;

/** Sends a chosen, dropped or recorded clip to the audio library and opens it. */
export function useAudioImport() {
  const api = useApi();
  const store = useAppStore();
  const { run, pending, error, clearError } = useAction();

  const importBlob = useCallback(
    (blob: Blob, name: string, kind: "upload" | "recording") =>
      run(async () => {
        const mimeType = audioMimeType(name, blob.type);
        if (!mimeType) throw new Error(unsupportedFileMessage(name));
        if (blob.size > MAX_BYTES) throw new Error(`“${name}” is too large (over 140 MB). Trim it or save it as MP3 or OGG first.`);
        if (blob.size === 0) throw new Error(`“${name}” is empty.`);
        const item = await api.audio.import({ name, kind, dataUrl: await blobToDataUrl(blob, mimeType) });
        store.getState().putAudioItem(item);
        store.getState().selectAudio(item.id);
      }),
    [api, store, run],
  );

  const importFiles = useCallback(
    async (files: Iterable<File>) => {
      for (const file of files) await importBlob(file, file.name, "upload");
    },
    [importBlob],
  );

  return { importBlob, importFiles, pending, error, clearError };
}
