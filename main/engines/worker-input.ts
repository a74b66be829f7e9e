import path from "node:path";
import { z } from "zod";
import { AppError } from "../../shared/errors";

/** A file or folder the host resolved for the worker: never relative to the worker's own directory. */
export const absolutePathSchema = z.string().min(1).max(4096).refine((p) => path.isAbsolute(p), "must be an absolute path");

/** The worker checks what the host sends it too: a process boundary is a boundary. */
export function parseWorkerInput<T>(schema: z.ZodType<T>, input: unknown, method: string): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
  throw new AppError("INVALID_INPUT", `Invalid ${method} request: ${issue?.message ?? "invalid input"}${where}`);
}
