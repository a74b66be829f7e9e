import { z } from "zod";
import { appErrorSchema } from "../../shared/errors";
import type { HostFrame, WorkerFrame } from "./protocol";

/**
 * Runtime checks for frames crossing the process boundary: each side accepts only
 * well-formed frames and drops anything else (a frame is never trusted by its type alone).
 */
const callId = z.number().int().nonnegative();
const generation = z.number().int().nonnegative();

const hostFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("call"), id: callId, method: z.string(), input: z.unknown() }),
  z.object({ type: z.literal("cancel"), id: callId }),
  z.object({ type: z.literal("ping"), seq: callId }),
  z.object({ type: z.literal("shutdown") }),
]);

const workerFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready"), generation }),
  z.object({ type: z.literal("progress"), generation, id: callId, event: z.unknown() }),
  z.object({ type: z.literal("result"), generation, id: callId, output: z.unknown() }),
  z.object({ type: z.literal("error"), generation, id: callId, error: appErrorSchema }),
  z.object({ type: z.literal("log"), generation, level: z.enum(["info", "warn", "error"]), message: z.string() }),
  z.object({ type: z.literal("pong"), generation, seq: callId }),
]);

export function parseHostFrame(value: unknown): HostFrame | undefined {
  const parsed = hostFrameSchema.safeParse(value);
  return parsed.success ? (parsed.data as HostFrame) : undefined;
}

export function parseWorkerFrame(value: unknown): WorkerFrame | undefined {
  const parsed = workerFrameSchema.safeParse(value);
  return parsed.success ? (parsed.data as WorkerFrame) : undefined;
}
