import { z } from "zod";
import type { WireResult } from "./errors";

/** Serve mode: what a browser sends over the WebSocket. */
export const clientFrameSchema = z.object({
  type: z.literal("invoke"),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  request: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Serve mode: what the host sends back — invoke results and pushed events. */
export type ServerFrame =
  | { type: "result"; id: number; result: WireResult<unknown> }
  | { type: "event"; event: string; payload: unknown };

/** The WebSocket path and the query parameter carrying the session token. */
export const WS_PATH = "/ws";
export const TOKEN_PARAM = "token";
/** Serve mode: `POST` a file's bytes here (token and origin as for the WebSocket); answers `{uploadId}`. */
export const UPLOAD_PATH = "/upload";
