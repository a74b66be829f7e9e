import type { StateCreator } from "zustand";
import type { EngineStatus, ModelInfo } from "../../../shared/models";
import type { AppState } from "./app-state";

export interface ModelsSlice {
  models: ModelInfo[];
  /** False until the first list arrives, so panels can tell "none" from "not yet known". */
  modelsKnown: boolean;
  setModels(models: ModelInfo[]): void;
}

export const createModelsSlice: StateCreator<AppState, [], [], ModelsSlice> = (set) => ({
  models: [],
  modelsKnown: false,
  setModels: (models) => set({ models, modelsKnown: true }),
});

export interface EnginesSlice {
  engines: EngineStatus[];
  setEngines(engines: EngineStatus[]): void;
}

export const createEnginesSlice: StateCreator<AppState, [], [], EnginesSlice> = (set) => ({
  engines: [],
  setEngines: (engines) => set({ engines }),
});
