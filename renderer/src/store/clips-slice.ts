import type { StateCreator } from "zustand";
import type { ClipItem } from "../../../shared/video";
import type { AppState } from "./app-state";

export interface ClipsSlice {
  /** Clips loaded so far, newest first. */
  clipItems: ClipItem[];
  /** How many clips the library holds, loaded or not. */
  clipTotal: number;
  /** False until the first page arrives, so the gallery can tell "empty" from "not yet known". */
  clipsKnown: boolean;
  /** The clip in the player. */
  selectedClipId: string | null;
  /** A page from video.list: offset 0 starts over, a later page is appended. */
  putClipPage(items: ClipItem[], total: number, offset: number): void;
  putClip(item: ClipItem): void;
  removeClip(id: string): void;
  selectClip(id: string | null): void;
}

function newestFirst(items: ClipItem[]): ClipItem[] {
  return [...items].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
}

export const createClipsSlice: StateCreator<AppState, [], [], ClipsSlice> = (set) => ({
  clipItems: [],
  clipTotal: 0,
  clipsKnown: false,
  selectedClipId: null,
  putClipPage: (items, total, offset) =>
    set((state) => {
      const kept = offset === 0 ? [] : state.clipItems.slice(0, offset);
      const ids = new Set(items.map((item) => item.id));
      return { clipItems: newestFirst([...kept.filter((item) => !ids.has(item.id)), ...items]), clipTotal: total, clipsKnown: true };
    }),
  putClip: (item) =>
    set((state) => {
      const known = state.clipItems.some((existing) => existing.id === item.id);
      const rest = state.clipItems.filter((existing) => existing.id !== item.id);
      return { clipItems: newestFirst([item, ...rest]), clipTotal: state.clipTotal + (known ? 0 : 1) };
    }),
  removeClip: (id) =>
    set((state) => {
      const selectedClipId = state.selectedClipId === id ? null : state.selectedClipId;
      if (!state.clipItems.some((item) => item.id === id)) return { selectedClipId };
      return { clipItems: state.clipItems.filter((item) => item.id !== id), clipTotal: Math.max(0, state.clipTotal - 1), selectedClipId };
    }),
  selectClip: (selectedClipId) => set({ selectedClipId }),
});

/** How many clips one video.list call asks for. */
export const CLIP_PAGE = 100;
