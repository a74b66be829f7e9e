import { z } from "zod";

export const ERROR_CODES = [
  "INVALID_INPUT",
  "NOT_FOUND",
  "MODEL_NOT_INSTALLED",
  "MODEL_INCOMPATIBLE",
  "MODEL_LOAD_FAILED",
  "OUT_OF_MEMORY",
  "ENGINE_CRASHED",
  "ENGINE_HUNG",
  "CANCELLED",
  "DOWNLOAD_FAILED",
  "CHECKSUM_MISMATCH",
  "DISK_FULL",
  "NOT_WRITABLE",
  "UNSUPPORTED",
  "INTERNAL",
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
});
/** The plain-object form of an error, as it crosses process and network boundaries. */
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.details);
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return appErrorSchema.safeParse(value).success;
}

/** Any thrown value as an AppErrorShape; unknown errors become INTERNAL. */
export function toAppErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  if (isAppErrorShape(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: "INTERNAL", message: message || "Unexpected error" };
}

/** The result envelope every invoke answers with, on every transport. */
export type WireResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
