import type { Channel, EventListener, EventName, RequestOf, ResponseOf } from "../../../shared/contract";
import type { AppErrorShape, WireResult } from "../../../shared/errors";
import type { ClientFrame } from "../../../shared/wire";
import { parseServerFrame } from "./server-frame";
import type { SocketFactory, SocketHandle } from "./socket";
import type { ConnectionState, Transport } from "./transport";

/** Delays before each reconnect attempt; the last one repeats. */
export const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000] as const;

const DROPPED: AppErrorShape = {
  code: "INTERNAL",
  message: "The connection to Atelier dropped before it answered. It is reconnecting; try again in a moment.",
};
const OFFLINE: AppErrorShape = {
  code: "INTERNAL",
  message: "Not connected to Atelier right now. It is reconnecting; try again in a moment.",
};

type Settle = (result: WireResult<unknown>) => void;

/** Serve mode: contract frames over one WebSocket, reconnecting with backoff when it drops. */
export class WebSocketTransport implements Transport {
  private socket: SocketHandle | null = null;
  private state: ConnectionState = "connecting";
  private attempt = 0;
  private nextId = 1;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Invokes made before the first connection opened: sent once it does. */
  private readonly waiting: ClientFrame[] = [];
  private readonly pending = new Map<number, Settle>();
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();

  constructor(
    private readonly url: string,
    private readonly openSocket: SocketFactory,
  ) {
    this.connect();
  }

  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<WireResult<ResponseOf<C>>> {
    if (this.state === "reconnecting" || this.closed) return Promise.resolve({ ok: false, error: OFFLINE });
    const frame: ClientFrame = { type: "invoke", id: this.nextId++, channel, request };
    return new Promise((resolve) => {
      // The host answers each id with that channel's response; the map just holds them untyped.
      this.pending.set(frame.id, resolve as Settle);
      if (this.state === "open" && this.socket) this.socket.send(JSON.stringify(frame));
      else this.waiting.push(frame);
    });
  }

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    const untyped = listener as (payload: unknown) => void;
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(untyped);
    return () => set.delete(untyped);
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  /** Closes for good: no more reconnects; pending invokes fail. */
  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close();
    this.failPending(OFFLINE);
  }

  private connect(): void {
    const socket = this.openSocket(this.url, {
      open: () => this.opened(socket),
      message: (data) => this.receive(data),
      close: () => this.dropped(socket),
    });
    this.socket = socket;
  }

  private opened(socket: SocketHandle): void {
    if (socket !== this.socket) return;
    this.attempt = 0;
    for (const frame of this.waiting.splice(0)) socket.send(JSON.stringify(frame));
    this.setState("open");
  }

  private dropped(socket: SocketHandle): void {
    if (socket !== this.socket) return;
    this.socket = null;
    this.failPending(DROPPED);
    if (this.closed) return;
    this.setState("reconnecting");
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)];
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private failPending(error: AppErrorShape): void {
    this.waiting.length = 0;
    const settles = [...this.pending.values()];
    this.pending.clear();
    for (const settle of settles) settle({ ok: false, error });
  }

  private receive(data: string): void {
    const frame = parseServerFrame(data);
    if (!frame) return;
    if (frame.type === "result") {
      this.pending.get(frame.id)?.(frame.result);
      this.pending.delete(frame.id);
      return;
    }
    for (const listener of this.listeners.get(frame.event) ?? []) listener(frame.payload);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
