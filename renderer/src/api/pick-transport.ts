import { TOKEN_PARAM, WS_PATH } from "../../../shared/wire";
import { createPreloadTransport } from "./preload-transport";
import { browserSocket, socketUrlFor } from "./socket";
import type { Transport } from "./transport";
import { WebSocketTransport } from "./ws-transport";

/** The desktop app has the preload bridge; a browser in serve mode talks WebSocket to the page's own host. */
export function pickTransport(win: Window): Transport {
  if (win.atelier) return createPreloadTransport(win.atelier);
  return new WebSocketTransport(socketUrlFor(win.location, WS_PATH, TOKEN_PARAM), browserSocket);
}
