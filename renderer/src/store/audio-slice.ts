import type { StateCreator } from "zustand";
import type { AudioItem, TimeSpan } from "../../../shared/speech";
import type { AppState } from "./app-state";

export interface AudioSlice {
  /** The audio library (uploads, recordings, synthesized speech), newest first. */
  audioItems: AudioItem[];
  /** False until the first list arrives, so panels can tell "none" from "not yet known". */
  audioKnown: boolean;
  /** The clip open in the Transcribe tab. */
  selectedAudioId: string | null;
  /** Speech regions found by the VAD, by clip id. */
  speechRegions: Record<string, TimeSpan[]>;
  setAudioItems(items: AudioItem[]): void;
  putAudioItem(item: AudioItem): void;
  removeAudioItem(id: string): void;
  selectAudio(id: string | null): void;
  setSpeechRegions(audioId: string, regions: TimeSpan[]): void;
}

function newestFirst(items: AudioItem[]): AudioItem[] {
  return [...items].sort((a, b) => b.createdAt - a.createdAt);
}

export const createAudioSlice: StateCreator<AppState, [], [], AudioSlice> = (set) => ({
  audioItems: [],
  audioKnown: false,
  selectedAudioId: null,
  speechRegions: {},
  setAudioItems: (items) =>
    set((state) => ({
      audioItems: newestFirst(items),
      audioKnown: true,
      selectedAudioId: items.some((item) => item.id === state.selectedAudioId) ? state.selectedAudioId : null,
    })),
  putAudioItem: (item) =>
    set((state) => ({ audioItems: newestFirst([item, ...state.audioItems.filter((existing) => existing.id !== item.id)]) })),
  removeAudioItem: (id) =>
    set((state) => {
      const { [id]: _dropped, ...speechRegions } = state.speechRegions;
      return {
        audioItems: state.audioItems.filter((item) => item.id !== id),
        selectedAudioId: state.selectedAudioId === id ? null : state.selectedAudioId,
        speechRegions,
      };
    }),
  selectAudio: (selectedAudioId) => set({ selectedAudioId }),
  setSpeechRegions: (audioId, regions) => set((state) => ({ speechRegions: { ...state.speechRegions, [audioId]: regions } })),
});
