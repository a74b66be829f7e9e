import type { ServerFrame } from "../../../shared/wire";
import { isAppErrorShape } from "../../../shared/errors";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isWireResult(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return value.ok === true ? "value" in value : value.ok === false && isAppErrorShape(value.error);
}

/** Parses one WebSocket message from the host; anything malformed is null. */
export function parseServerFrame(data: string): ServerFrame | null {
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(frame)) return null;
  if (frame.type === "result" && typeof frame.id === "number" && isWireResult(frame.result)) {
    return frame as ServerFrame;
  }
  if (frame.type === "event" && typeof frame.event === "string") {
    return { type: "event", event: frame.event, payload: frame.payload };
  }
  return null;
}
