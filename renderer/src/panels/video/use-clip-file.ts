import { useCallback } from "react";
import { useApi, useAppStore } from "../../store/context";
import { classifyFile, clipNameFromFile, MAX_CLIP_BYTES, withMimeType } from "./clip-file";
import { readFileAsDataUrl } from "./data-url";
import { useVideoRecall } from "./use-video-recall";

/**
 * A clip file given to the panel (dropped or picked): one exported by Atelier brings back its
 * settings; `importOthers` adds any other clip to the library as a clip of its own.
 */
export function useClipFile() {
  const api = useApi();
  const store = useAppStore();
  const recall = useVideoRecall();
  return useCallback(
    async (file: File, importOthers: boolean): Promise<void> => {
      const type = classifyFile(file.name, file.type);
      if (type.kind !== "clip") throw new Error(`“${file.name}” is not an MP4, WebM, GIF or animated WebP clip.`);
      if (file.size === 0) throw new Error(`“${file.name}” is empty.`);
      if (file.size > MAX_CLIP_BYTES) throw new Error(`“${file.name}” is larger than 140 MB.`);
      const dataUrl = withMimeType(await readFileAsDataUrl(file), type.mimeType);
      const { parameters } = await api.video.recall({ dataUrl });
      if (parameters) return recall(parameters, `“${file.name}”`);
      const { setVideoNotice, followVideoJob } = store.getState();
      if (!importOthers) {
        setVideoNotice(`“${file.name}” carries no Atelier settings.`);
        return;
      }
      const { jobId } = await api.video.import({ name: clipNameFromFile(file.name), dataUrl });
      followVideoJob(jobId, {});
      setVideoNotice(`“${file.name}” carries no Atelier settings, so it is imported as a clip.`);
    },
    [api, store, recall],
  );
}
