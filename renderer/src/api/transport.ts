import type { Channel, EventListener, EventName, RequestOf, ResponseOf, Unsubscribe } from "../../../shared/contract";
import type { WireResult } from "../../../shared/errors";

/** Whether the renderer can reach the host right now. */
export type ConnectionState = "connecting" | "open" | "reconnecting";

/** How the renderer reaches the host: the Electron preload bridge or the serve-mode WebSocket. */
export interface Transport {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<WireResult<ResponseOf<C>>>;
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
  /** Calls the listener now and on every change. */
  onConnection(listener: (state: ConnectionState) => void): Unsubscribe;
}
