import type { StateCreator } from "zustand";
import type { CatalogItem, HardwareInfo } from "../../../shared/library";
import type { AppState } from "./app-state";

export interface LibrarySlice {
  catalog: CatalogItem[];
  /** False until the catalog arrives, so the panel can tell "none" from "not yet known". */
  catalogKnown: boolean;
  hardware: HardwareInfo | null;
  setCatalog(catalog: CatalogItem[]): void;
  setHardware(hardware: HardwareInfo): void;
}

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set) => ({
  catalog: [],
  catalogKnown: false,
  hardware: null,
  setCatalog: (catalog) => set({ catalog, catalogKnown: true }),
  setHardware: (hardware) => set({ hardware }),
});
