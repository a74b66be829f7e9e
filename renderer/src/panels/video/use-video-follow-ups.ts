import { useEffect } from "react";
import { clipJobResultSchema } from "../../../../shared/video";
import { describeError } from "../../errors/describe-error";
import { isFinal } from "../../store/jobs-slice";
import { useApi, useAppStore } from "../../store/context";

/**
 * Acts on jobs the panel started once they finish: a new clip is shown in the player, and one made
 * with ×2 / ×4 interpolation is handed to RIFE (that clip is shown when it is done). Jobs that ended
 * while the panel was hidden are handled when it shows again.
 */
export function useVideoFollowUps(): void {
  const api = useApi();
  const store = useAppStore();
  useEffect(() => {
    const handle = () => {
      const { videoFollowUps, jobs } = store.getState();
      for (const jobId of Object.keys(videoFollowUps)) {
        const job = jobs[jobId];
        if (!job || !isFinal(job)) continue;
        const followUp = store.getState().takeVideoFollowUp(jobId);
        const result = clipJobResultSchema.safeParse(job.result);
        if (job.status !== "succeeded" || !followUp || !result.success) continue;
        store.getState().selectClip(result.data.clipId);
        const factor = followUp.interpolate;
        if (!factor) continue;
        api.video.interpolate({ clipId: result.data.clipId, factor }).then(
          ({ jobId: next }) => store.getState().followVideoJob(next, {}),
          (error: unknown) => store.getState().setVideoNotice(`The clip is saved, but ×${factor} interpolation could not start: ${describeError(error)}`),
        );
      }
    };
    handle();
    return store.subscribe((state, previous) => {
      if (state.jobs !== previous.jobs || state.videoFollowUps !== previous.videoFollowUps) handle();
    });
  }, [api, store]);
}
