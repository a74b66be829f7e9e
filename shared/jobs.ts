import { z } from "zod";
import { appErrorSchema } from "./errors";

/** "onnx" is the process that opens ONNX models to validate them (import) and list execution providers. */
export const ENGINE_NAMES = ["llm", "image", "speech", "video", "onnx"] as const;
export const engineNameSchema = z.enum(ENGINE_NAMES);
export type EngineName = z.infer<typeof engineNameSchema>;

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export const FINAL_JOB_STATUSES: readonly JobStatus[] = ["succeeded", "failed", "cancelled"];

export const jobProgressSchema = z.object({
  fraction: z.number().min(0).max(1),
  step: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
  message: z.string().optional(),
  /** A small data: URL image for live previews. */
  preview: z.string().optional(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const jobSchema = z.object({
  id: z.string(),
  /** What the job does, e.g. "chat.generate". */
  kind: z.string(),
  engine: engineNameSchema,
  title: z.string(),
  status: jobStatusSchema,
  progress: jobProgressSchema,
  createdAt: z.number(),
  startedAt: z.number().optional(),
  finishedAt: z.number().optional(),
  result: z.unknown().optional(),
  error: appErrorSchema.optional(),
});
export type Job = z.infer<typeof jobSchema>;
