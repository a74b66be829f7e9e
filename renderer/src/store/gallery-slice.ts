import type { StateCreator } from "zustand";
import type { LibraryItem } from "../../../shared/image";
import type { AppState } from "./app-state";

export interface GallerySlice {
  /** Library items loaded so far, newest first. */
  galleryItems: LibraryItem[];
  /** How many items the library holds, loaded or not. */
  galleryTotal: number;
  /** False until the first page arrives, so the gallery can tell "empty" from "not yet known". */
  galleryKnown: boolean;
  /** A page from library.list: offset 0 starts over, a later page is appended. */
  putGalleryPage(items: LibraryItem[], total: number, offset: number): void;
  putGalleryItem(item: LibraryItem): void;
  removeGalleryItem(id: string): void;
}

function newestFirst(items: LibraryItem[]): LibraryItem[] {
  return [...items].sort((a, b) => b.createdAt - a.createdAt);
}

export const createGallerySlice: StateCreator<AppState, [], [], GallerySlice> = (set) => ({
  galleryItems: [],
  galleryTotal: 0,
  galleryKnown: false,
  putGalleryPage: (items, total, offset) =>
    set((state) => {
      const kept = offset === 0 ? [] : state.galleryItems.slice(0, offset);
      const ids = new Set(items.map((item) => item.id));
      return { galleryItems: newestFirst([...kept.filter((item) => !ids.has(item.id)), ...items]), galleryTotal: total, galleryKnown: true };
    }),
  putGalleryItem: (item) =>
    set((state) => {
      const known = state.galleryItems.some((existing) => existing.id === item.id);
      const rest = state.galleryItems.filter((existing) => existing.id !== item.id);
      return { galleryItems: newestFirst([item, ...rest]), galleryTotal: state.galleryTotal + (known ? 0 : 1) };
    }),
  removeGalleryItem: (id) =>
    set((state) => {
      if (!state.galleryItems.some((item) => item.id === id)) return state;
      return { galleryItems: state.galleryItems.filter((item) => item.id !== id), galleryTotal: Math.max(0, state.galleryTotal - 1) };
    }),
});

/** How many library items one library.list call asks for. */
export const GALLERY_PAGE = 200;
