import type { StateCreator } from "zustand";
import type { ConnectionState } from "../api/transport";
import type { AppState } from "./app-state";

export const PANELS = ["chat", "image", "speech", "video", "models", "queue", "settings"] as const;
export type PanelId = (typeof PANELS)[number];
export const MODELS_TABS = ["catalog", "hub", "installed", "downloads"] as const;
export type ModelsTab = (typeof MODELS_TABS)[number];

export interface UiSlice {
  panel: PanelId;
  /** The open tab of the Models panel, kept while other panels are shown. */
  modelsTab: ModelsTab;
  connection: ConnectionState;
  /** A problem that is not tied to one control, e.g. the first load failing. */
  appError: string | null;
  showPanel(panel: PanelId): void;
  showModelsTab(tab: ModelsTab): void;
  setConnection(connection: ConnectionState): void;
  setAppError(message: string | null): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  panel: "chat",
  modelsTab: "catalog",
  connection: "connecting",
  appError: null,
  showPanel: (panel) => set({ panel }),
  showModelsTab: (modelsTab) => set({ modelsTab }),
  setConnection: (connection) => set({ connection }),
  setAppError: (appError) => set({ appError }),
});
