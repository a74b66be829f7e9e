import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import type { PreloadBridge, PreloadInvokers } from "../shared/api";
import { INVOKE_CHANNELS, PUSH_EVENTS } from "../shared/channels";
import type { Channel, EventName, RequestOf, ResponseOf } from "../shared/contract";
import type { WireResult } from "../shared/errors";
import { EVENT_IPC_NAME, invokeIpcName } from "./ipc-names";

// Sandboxed preload: it may require only "electron", so it imports the plain channel
// lists (not the zod contract) and exposes one function per channel, never ipcRenderer.

function invoker<C extends Channel>(channel: C): (request: RequestOf<C>) => Promise<WireResult<ResponseOf<C>>> {
  const name = invokeIpcName(channel);
  return (request) => ipcRenderer.invoke(name, request);
}

// One entry per contract channel (channels.ts proves the list complete), so the object is a PreloadInvokers.
const invoke = Object.fromEntries(INVOKE_CHANNELS.map((channel) => [channel, invoker(channel)])) as PreloadInvokers;

/** One entry per subscription, so unsubscribing removes exactly that one even if a listener is added twice. */
type Subscription = { listener: (payload: unknown) => void };
const subscriptions = new Map<EventName, Set<Subscription>>();
const knownEvents: ReadonlySet<string> = new Set(PUSH_EVENTS);

function isEventName(name: unknown): name is EventName {
  return typeof name === "string" && knownEvents.has(name);
}

ipcRenderer.on(EVENT_IPC_NAME, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (!isEventName(name)) return;
  for (const subscription of [...(subscriptions.get(name) ?? [])]) {
    try {
      subscription.listener(payload);
    } catch (error) {
      console.error(`An Atelier "${name}" listener failed`, error);
    }
  }
});

const on: PreloadBridge["on"] = (event, listener) => {
  if (!isEventName(event)) throw new Error(`Unknown Atelier event: ${String(event)}`);
  if (typeof listener !== "function") throw new Error("An event listener must be a function");
  // The host sends payloads typed by the event contract; the bridge only routes them.
  const subscription: Subscription = { listener: listener as (payload: unknown) => void };
  const set = subscriptions.get(event) ?? new Set<Subscription>();
  subscriptions.set(event, set);
  set.add(subscription);
  return () => {
    set.delete(subscription);
  };
};

const bridge: PreloadBridge = { invoke, on };
contextBridge.exposeInMainWorld("atelier", bridge);
