import type { EventName, EventPayload, Unsubscribe } from "../../shared/contract";
import type { Logger } from "../log/types";

/** `[event, payload]` for every event; checking `event` narrows `payload`. */
export type EventTuple = { [E in EventName]: [event: E, payload: EventPayload<E>] }[EventName];

/** Receives every event; transports forward them (IPC to windows, WebSocket to browsers). */
export type BusListener = (...args: EventTuple) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: BusListener): Unsubscribe;
}

/** A synchronous, typed fan-out; one failing listener never stops the others. */
export function createEventBus(logger: Logger): EventBus {
  const listeners = new Set<BusListener>();
  return {
    emit(event, payload) {
      const args = [event, payload] as EventTuple;
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          logger.log("error", "events", `A listener of ${event} failed`, { error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
