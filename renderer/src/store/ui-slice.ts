import type { StateCreator } from "zustand";
import type { ConnectionState } from "../api/transport";
import type { AppState } from "./app-state";

export const PANELS = ["chat", "image", "speech", "video", "models", "queue", "settings"] as const;
export type PanelId = (typeof PANELS)[number];

export interface UiSlice {
  panel: PanelId;
  connection: ConnectionState;
  /** A problem that is not tied to one control, e.g. the first load failing. */
  appError: string | null;
  showPanel(panel: PanelId): void;
  setConnection(connection: ConnectionState): void;
  setAppError(message: string | null): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  panel: "chat",
  connection: "connecting",
  appError: null,
  showPanel: (panel) => set({ panel }),
  setConnection: (connection) => set({ connection }),
  setAppError: (appError) => set({ appError }),
});
