import { useCallback, useState } from "react";
import { useAction } from "../../components/use-action";
import { useApi, useAppStore } from "../../store/context";
import { parseVideoForm, type VideoFormErrors } from "./video-form";

/** Checks the form and queues a clip; each press queues another, so several jobs can wait at once. */
export function useVideoGenerate() {
  const api = useApi();
  const store = useAppStore();
  const { run, pending, error } = useAction();
  const [errors, setErrors] = useState<VideoFormErrors>({});
  const [queued, setQueued] = useState<string | null>(null);

  const generate = useCallback(() => {
    const { videoForm, videoInitImage, videoModels, putJob, followVideoJob, setVideoNotice } = store.getState();
    setVideoNotice(null);
    setQueued(null);
    const parsed = parseVideoForm(videoForm, { models: videoModels, initImage: videoInitImage?.dataUrl ?? null });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    void run(async () => {
      const { job, interpolation } = parsed;
      const { jobId } = job.channel === "video.generate" ? await api.video.generate(job.request) : await api.video.animate(job.request);
      followVideoJob(jobId, interpolation === 1 ? {} : { interpolate: interpolation });
      setQueued(interpolation === 1 ? "Clip queued." : `Clip queued; it is interpolated ×${interpolation} when done.`);
      // The job also arrives by event; asking keeps the list right if that event was missed.
      const found = (await api.jobs.list({})).find((candidate) => candidate.id === jobId);
      if (found) putJob(found);
    });
  }, [api, store, run]);

  return { generate, pending, errors, hostError: error, queued };
}
