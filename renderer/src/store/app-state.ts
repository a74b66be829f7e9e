import { createStore, type StoreApi } from "zustand/vanilla";
import { createAudioSlice, type AudioSlice } from "./audio-slice";
import { createChatSlice, type ChatSlice } from "./chat-slice";
import { createClipsSlice, type ClipsSlice } from "./clips-slice";
import { createDownloadsSlice, type DownloadsSlice } from "./downloads-slice";
import { createGallerySlice, type GallerySlice } from "./gallery-slice";
import { createImageSlice, type ImageSlice } from "./image-slice";
import { createJobsSlice, type JobsSlice } from "./jobs-slice";
import { createLibrarySlice, type LibrarySlice } from "./library-slice";
import { createEnginesSlice, createModelsSlice, type EnginesSlice, type ModelsSlice } from "./models-slice";
import { createSettingsSlice, type SettingsSlice } from "./settings-slice";
import { createTranscriptsSlice, type TranscriptsSlice } from "./transcripts-slice";
import { createUiSlice, type UiSlice } from "./ui-slice";
import { createVideoSlice, type VideoSlice } from "./video-slice";
import { createVoicesSlice, type VoicesSlice } from "./voices-slice";

export type AppState = ChatSlice &
  JobsSlice &
  ModelsSlice &
  EnginesSlice &
  LibrarySlice &
  DownloadsSlice &
  SettingsSlice &
  ImageSlice &
  GallerySlice &
  AudioSlice &
  TranscriptsSlice &
  VoicesSlice &
  VideoSlice &
  ClipsSlice &
  UiSlice;
export type AppStore = StoreApi<AppState>;

/** The whole renderer state: one store made of per-domain slices. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createChatSlice(...args),
    ...createJobsSlice(...args),
    ...createModelsSlice(...args),
    ...createEnginesSlice(...args),
    ...createLibrarySlice(...args),
    ...createDownloadsSlice(...args),
    ...createSettingsSlice(...args),
    ...createImageSlice(...args),
    ...createGallerySlice(...args),
    ...createAudioSlice(...args),
    ...createTranscriptsSlice(...args),
    ...createVoicesSlice(...args),
    ...createVideoSlice(...args),
    ...createClipsSlice(...args),
    ...createUiSlice(...args),
  }));
}
