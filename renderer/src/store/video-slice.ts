import type { StateCreator } from "zustand";
import type { VideoModel } from "../../../shared/video";
import { DEFAULT_VIDEO_FORM, type VideoFormValues } from "../panels/video/video-form";
import type { AppState } from "./app-state";
import type { InitImage } from "./image-slice";

/** What to do when a job the Video panel started has finished. */
export interface VideoFollowUp {
  /** Interpolate the new clip ×2 / ×4 (RIFE); otherwise just show it. */
  interpolate?: 2 | 4;
}

export interface VideoSlice {
  /** The Video form, kept while other panels are shown and filled by "Use these settings". */
  videoForm: VideoFormValues;
  /** Image-to-video (motion models) or the first frame of feedback animation. */
  videoInitImage: InitImage | null;
  /** What the last recall or drop did, said once to screen readers. */
  videoNotice: string | null;
  /** Installed models the Video panel can use (video.models), with what each can do. */
  videoModels: VideoModel[];
  videoModelsKnown: boolean;
  /** Jobs started from the panel whose result it acts on when they finish, by job id. */
  videoFollowUps: Record<string, VideoFollowUp>;
  setVideoForm(patch: Partial<VideoFormValues>): void;
  setVideoInitImage(image: InitImage | null): void;
  setVideoNotice(notice: string | null): void;
  setVideoModels(models: VideoModel[]): void;
  followVideoJob(jobId: string, followUp: VideoFollowUp): void;
  /** Removes and returns the follow-up of a job, so it runs once. */
  takeVideoFollowUp(jobId: string): VideoFollowUp | undefined;
}

export const createVideoSlice: StateCreator<AppState, [], [], VideoSlice> = (set, get) => ({
  videoForm: DEFAULT_VIDEO_FORM,
  videoInitImage: null,
  videoNotice: null,
  videoModels: [],
  videoModelsKnown: false,
  videoFollowUps: {},
  setVideoForm: (patch) => set((state) => ({ videoForm: { ...state.videoForm, ...patch } })),
  setVideoInitImage: (videoInitImage) => set({ videoInitImage }),
  setVideoNotice: (videoNotice) => set({ videoNotice }),
  setVideoModels: (videoModels) => set({ videoModels, videoModelsKnown: true }),
  followVideoJob: (jobId, followUp) => set((state) => ({ videoFollowUps: { ...state.videoFollowUps, [jobId]: followUp } })),
  takeVideoFollowUp: (jobId) => {
    const followUp = get().videoFollowUps[jobId];
    if (!followUp) return undefined;
    set((state) => {
      const { [jobId]: _taken, ...rest } = state.videoFollowUps;
      return { videoFollowUps: rest };
    });
    return followUp;
  },
});
