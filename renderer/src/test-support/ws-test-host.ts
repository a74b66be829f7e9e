import { WebSocket, WebSocketServer } from "ws";
import type { AddressInfo } from "node:net";
import { invokeContract, isChannel, type Channel, type EventName, type EventPayload, type RequestOf, type ResponseOf } from "../../../shared/contract";
import { AppError, toAppErrorShape } from "../../../shared/errors";
import { clientFrameSchema, type ServerFrame } from "../../../shared/wire";
import type { SocketFactory } from "../api/socket";

export type Handlers = { [C in Channel]?: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

/**
 * A real WebSocket server speaking the serve-mode frames, answering from the handlers a test gives,
 * so the renderer's transport and client run against real sockets in Node.
 */
export class WsTestHost {
  readonly received: { channel: string; request: unknown }[] = [];
  private constructor(
    private readonly server: WebSocketServer,
    private readonly handlers: Handlers,
  ) {
    server.on("connection", (socket) => socket.on("message", (data) => void this.answer(socket, String(data))));
  }

  static async start(handlers: Handlers = {}, port = 0): Promise<WsTestHost> {
    const server = new WebSocketServer({ host: "127.0.0.1", port });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    return new WsTestHost(server, handlers);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/ws`;
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const frame: ServerFrame = { type: "event", event, payload };
    for (const client of this.server.clients) client.send(JSON.stringify(frame));
  }

  /** Drops every open connection, as a restarting host or a network blip would. */
  dropClients(): void {
    for (const client of this.server.clients) client.terminate();
  }

  async stop(): Promise<void> {
    this.dropClients();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async answer(socket: WebSocket, data: string): Promise<void> {
    const frame = clientFrameSchema.parse(JSON.parse(data));
    this.received.push({ channel: frame.channel, request: frame.request });
    let reply: ServerFrame;
    try {
      if (!isChannel(frame.channel)) throw new AppError("INVALID_INPUT", `unknown channel ${frame.channel}`);
      // Each handler takes its own channel's request, which the contract has just checked.
      const handler = this.handlers[frame.channel] as ((request: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`no handler for ${frame.channel}`);
      const request = invokeContract[frame.channel].request.safeParse(frame.request);
      if (!request.success) throw new AppError("INVALID_INPUT", request.error.message);
      reply = { type: "result", id: frame.id, result: { ok: true, value: await handler(request.data) } };
    } catch (error) {
      reply = { type: "result", id: frame.id, result: { ok: false, error: toAppErrorShape(error) } };
    }
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(reply));
  }
}

/** The renderer's SocketFactory on top of the `ws` client, for Node. */
export const nodeSocket: SocketFactory = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.on("open", () => handlers.open());
  socket.on("message", (data) => handlers.message(String(data)));
  socket.on("close", () => handlers.close());
  socket.on("error", () => {});
  return socket;
};
