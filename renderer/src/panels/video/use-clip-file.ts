import { useCallback } from "react";
import { useApi, useAppStore } from "../../store/context";
import { classifyFile, clipNameFromFile } from "./clip-file";
import { clipSourceFor } from "./clip-source";
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
      const { setVideoNotice, followVideoJob } = store.getState();
      const source = await clipSourceFor(file, type.mimeType, (fraction) => setVideoNotice(`Uploading “${file.name}”… ${Math.floor(fraction * 100)}%`));
      const { parameters } = await api.video.recall(source);
      if (parameters) return recall(parameters, `“${file.name}”`);
      if (!importOthers) {
        setVideoNotice(`“${file.name}” carries no Atelier settings.`);
        return;
      }
      const { jobId } = await api.video.import({ name: clipNameFromFile(file.name), ...source });
      followVideoJob(jobId, {});
      setVideoNotice(`“${file.name}” carries no Atelier settings, so it is imported as a clip.`);
    },
    [api, store, recall],
  );
}
