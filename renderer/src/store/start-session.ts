import type { ApiClient } from "../../../shared/api";
import type { Unsubscribe } from "../../../shared/contract";
import type { Transport } from "../api/transport";
import type { AppStore } from "./app-state";
import { bindHostEvents } from "./host-events";
import { loadState } from "./load-state";

/** Wires a transport to the store: events flow in, and every (re)connection reloads the state. */
export function startSession(transport: Transport, api: ApiClient, store: AppStore): Unsubscribe {
  const unbindEvents = bindHostEvents(api, store);
  const unwatch = transport.onConnection((connection) => {
    store.getState().setConnection(connection);
    if (connection === "open") void loadState(api, store);
  });
  return () => {
    unwatch();
    unbindEvents();
  };
}
