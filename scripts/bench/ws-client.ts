import WebSocket from "ws";
import { TOKEN_PARAM, WS_PATH, type ServerFrame } from "../../shared/wire";
import type { Channel, RequestOf, ResponseOf } from "../../shared/contract";

/** A minimal contract client over the serve-mode WebSocket, as the browser uses it. */
export class BenchClient {
  private nextId = 1;
  private readonly pending = new Map<number, (frame: Extract<ServerFrame, { type: "result" }>) => void>();
  private readonly listeners = new Set<(event: string, payload: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => this.receive(JSON.parse(String(data)) as ServerFrame));
  }

  static async connect(pageUrl: URL): Promise<BenchClient> {
    const token = pageUrl.searchParams.get(TOKEN_PARAM) ?? "";
    const socket = new WebSocket(`ws://${pageUrl.host}${WS_PATH}?${TOKEN_PARAM}=${token}`, { origin: pageUrl.origin });
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new BenchClient(socket);
  }

  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (frame) =>
        frame.result.ok ? resolve(frame.result.value as ResponseOf<C>) : reject(new Error(frame.result.error.message)),
      );
      this.socket.send(JSON.stringify({ type: "invoke", id, channel, request }));
    });
  }

  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.socket.close();
  }

  private receive(frame: ServerFrame): void {
    if (frame.type === "result") {
      this.pending.get(frame.id)?.(frame);
      this.pending.delete(frame.id);
      return;
    }
    for (const listener of this.listeners) listener(frame.event, frame.payload);
  }
}
