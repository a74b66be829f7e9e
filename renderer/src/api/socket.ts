/** What the WebSocket transport needs from a socket; the browser's WebSocket and `ws` both fit. */
export interface SocketHandle {
  send(data: string): void;
  close(): void;
}

export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  /** Called once when the socket closes or fails to connect. */
  close(): void;
}

export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketHandle;

/** The browser's own WebSocket. */
export const browserSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.onopen = () => handlers.open();
  socket.onmessage = (event: MessageEvent<unknown>) => {
    if (typeof event.data === "string") handlers.message(event.data);
  };
  socket.onclose = () => handlers.close();
  return socket;
};

/** The serve-mode socket URL for this page: same host, the session token from the page's own URL. */
export function socketUrlFor(location: Pick<Location, "protocol" | "host" | "search">, path: string, tokenParam: string): string {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const token = new URLSearchParams(location.search).get(tokenParam) ?? "";
  return `${scheme}//${location.host}${path}?${tokenParam}=${encodeURIComponent(token)}`;
}
