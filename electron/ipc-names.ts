import type { Channel } from "../shared/contract";

/** The Electron IPC name of one contract channel; prefixed so no other IPC can collide with it. */
export function invokeIpcName(channel: Channel): `atelier:invoke:${Channel}` {
  return `atelier:invoke:${channel}`;
}

/** The one IPC name on which the host pushes every event as `(eventName, payload)`. */
export const EVENT_IPC_NAME = "atelier:event";
