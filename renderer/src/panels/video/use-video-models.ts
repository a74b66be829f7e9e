import { useEffect } from "react";
import { useApi, useApp } from "../../store/context";

/** Keeps the Video panel's model list (video.models) in step with the installed models. */
export function useVideoModelsRefresh(): void {
  const api = useApi();
  const models = useApp((s) => s.models);
  const setVideoModels = useApp((s) => s.setVideoModels);
  useEffect(() => {
    let live = true;
    api.video.models({}).then(
      ({ models: videoModels }) => live && setVideoModels(videoModels),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, models, setVideoModels]);
}
