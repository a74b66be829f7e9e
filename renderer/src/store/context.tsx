import { createContext, useContext, type ReactNode } from "react";
import { useStore } from "zustand";
import type { ApiClient } from "../../../shared/api";
import type { AppState, AppStore } from "./app-state";

const StoreContext = createContext<AppStore | null>(null);
const ApiContext = createContext<ApiClient | null>(null);

export function AppProvider({ store, api, children }: { store: AppStore; api: ApiClient; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
    </ApiContext.Provider>
  );
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useAppStore outside AppProvider");
  return store;
}

/** Subscribes to one slice of state: components re-render only when what they select changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi outside AppProvider");
  return api;
}
