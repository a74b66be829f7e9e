import type { StateCreator } from "zustand";
import type { ResponseOf } from "../../../shared/contract";
import type { Settings } from "../../../shared/settings";
import type { AppState } from "./app-state";

export type AppInfo = ResponseOf<"app.info">;

export interface SettingsSlice {
  settings: Settings | null;
  appInfo: AppInfo | null;
  setSettings(settings: Settings): void;
  setAppInfo(info: AppInfo): void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  settings: null,
  appInfo: null,
  setSettings: (settings) => set({ settings }),
  setAppInfo: (appInfo) => set({ appInfo }),
});
