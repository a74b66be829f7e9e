import type { StateCreator } from "zustand";
import { DEFAULT_IMAGE_FORM, type ImageFormValues } from "../panels/image/image-form";
import type { AppState } from "./app-state";

/** The picture img2img and inpainting start from, with its natural size (the mask is painted at that size). */
export interface InitImage {
  dataUrl: string;
  width: number;
  height: number;
  name: string;
}

export interface ImageSlice {
  /** The Image form, kept while other panels are shown and filled by "Use these settings". */
  imageForm: ImageFormValues;
  initImage: InitImage | null;
  /** Black/white PNG data URL at the init image's size; null when nothing is masked. */
  mask: string | null;
  /** What the last recall changed, said once to screen readers. */
  imageNotice: string | null;
  setImageForm(patch: Partial<ImageFormValues>): void;
  /** A new init image (or none) always drops the old mask: it was painted for another picture. */
  setInitImage(image: InitImage | null): void;
  setMask(mask: string | null): void;
  setImageNotice(notice: string | null): void;
}

export const createImageSlice: StateCreator<AppState, [], [], ImageSlice> = (set) => ({
  imageForm: DEFAULT_IMAGE_FORM,
  initImage: null,
  mask: null,
  imageNotice: null,
  setImageForm: (patch) => set((state) => ({ imageForm: { ...state.imageForm, ...patch } })),
  setInitImage: (initImage) => set({ initImage, mask: null }),
  setMask: (mask) => set({ mask }),
  setImageNotice: (imageNotice) => set({ imageNotice }),
});
