import { useCallback } from "react";
import type { VideoParameters } from "../../../../shared/video";
import { useAppStore } from "../../store/context";
import { recallVideoSettings, videoRecallNotice } from "./video-recall";

/** Puts a clip's settings into the Video form and says so. */
export function useVideoRecall() {
  const store = useAppStore();
  return useCallback(
    (parameters: VideoParameters, source: string) => {
      const { videoForm, videoModels, setVideoForm, setVideoNotice } = store.getState();
      const result = recallVideoSettings(videoForm, parameters, videoModels);
      setVideoForm(result.values);
      setVideoNotice(videoRecallNotice(source, result));
    },
    [store],
  );
}
