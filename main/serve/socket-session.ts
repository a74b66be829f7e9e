import type { RawData, WebSocket } from "ws";
import type { RequestContext } from "../../shared/api";
import { clientFrameSchema, type ServerFrame } from "../../shared/wire";
import type { Logger } from "../log/types";
import type { Router } from "../router";
import { leadingFrameId, nestingBeyond } from "./json-depth";

const WS_CONTEXT: RequestContext = { origin: "ws" };
/** Far beyond any request the contract describes; JSON.parse of millions of levels stalls every client. */
export const MAX_FRAME_NESTING = 64;
/** Where a refused frame's id is looked for. */
const ID_SEARCH_BYTES = 1024;

/**
 * One browser tab's socket: `invoke` frames go through the router and come back as
 * `result` frames with the same id. Anything else is answered when it names an id, or ignored.
 */
export function attachSocket(socket: WebSocket, router: Router, logger: Logger): void {
  socket.on("message", (data: RawData, isBinary: boolean) => {
    if (isBinary) return;
    const bytes = asBuffer(data);
    const deepAt = nestingBeyond(bytes, MAX_FRAME_NESTING);
    if (deepAt >= 0) {
      refuseDeepFrame(socket, bytes.subarray(0, Math.min(deepAt, ID_SEARCH_BYTES)).toString(), logger);
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString());
    } catch {
      logger.log("warn", "serve", "Ignored a WebSocket frame that is not JSON");
      return;
    }
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) {
      const id = frameId(json);
      if (id !== undefined) {
        reply(socket, { type: "result", id, result: { ok: false, error: { code: "INVALID_INPUT", message: "Malformed frame: expected {type: \"invoke\", id, channel, request}." } } });
      }
      return;
    }
    const { id, channel, request } = frame.data;
    void router.handle(channel, request, WS_CONTEXT).then((result) => reply(socket, { type: "result", id, result }));
  });
  socket.on("error", (error) => logger.log("warn", "serve", "WebSocket error", { error }));
}

/** Sends an already serialized frame to every open socket. */
export function broadcast(sockets: Iterable<WebSocket>, frame: ServerFrame): void {
  const text = JSON.stringify(frame);
  for (const socket of sockets) {
    if (socket.readyState === socket.OPEN) socket.send(text);
  }
}

function refuseDeepFrame(socket: WebSocket, start: string, logger: Logger): void {
  logger.log("warn", "serve", `Refused a WebSocket frame nested deeper than ${MAX_FRAME_NESTING} levels`);
  const id = leadingFrameId(start);
  if (id === undefined) return;
  const message = `Refused a request nested deeper than ${MAX_FRAME_NESTING} levels of arrays and objects.`;
  reply(socket, { type: "result", id, result: { ok: false, error: { code: "INVALID_INPUT", message } } });
}

function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

function reply(socket: WebSocket, frame: ServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function frameId(json: unknown): number | undefined {
  if (typeof json !== "object" || json === null || !("id" in json)) return undefined;
  const { id } = json;
  return typeof id === "number" && Number.isInteger(id) && id >= 0 ? id : undefined;
}
