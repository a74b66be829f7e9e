import { z } from "zod";
import { idSchema } from "../ids";
import {
  clipFormatSchema,
  clipItemSchema,
  exportRequestSchema,
  importRequestSchema,
  interpolateRequestSchema,
  keyframeAnimateRequestSchema,
  recallRequestSchema,
  videoGenerateRequestSchema,
  videoModelSchema,
  videoParametersSchema,
} from "../video";
import { byId, channel, deleted, empty } from "./channel";

const jobStarted = z.object({ jobId: z.string() });

/** The video studio and its clip library. Long work answers a job id; the job's result names the clip or file. */
export const videoChannels = {
  /** Text-to-video / image-to-video on a motion model; per-step progress with preview frames (≤ 4/s), then one step per frame written. */
  "video.generate": channel(videoGenerateRequestSchema, jobStarted),
  /** Keyframe animation (prompt travel, or image-to-image feedback with camera moves) with a Stable Diffusion model. */
  "video.animate": channel(keyframeAnimateRequestSchema, jobStarted),
  /** RIFE ×2 / ×4: a new clip of (F − 1)·factor + 1 frames at fps × factor. */
  "video.interpolate": channel(interpolateRequestSchema, jobStarted),
  "video.import": channel(importRequestSchema, jobStarted),
  /** Encodes the clip (parameters in the file's metadata) and keeps the file with it; result: ExportJobResult. */
  "video.export": channel(exportRequestSchema, jobStarted),
  /** A file exported earlier, as a data: URL to save or play. */
  "video.download": channel(
    z.object({ clipId: idSchema, format: clipFormatSchema }).strict(),
    z.object({ filename: z.string(), mimeType: z.string(), dataUrl: z.string() }),
  ),
  "video.list": channel(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.object({ items: z.array(clipItemSchema), total: z.number().int().nonnegative() }),
  ),
  "video.get": channel(byId, clipItemSchema),
  "video.delete": channel(byId, deleted),
  /** Shows the clip's folder (or an exported file) in the OS file manager (desktop); always answers the path. */
  "video.reveal": channel(
    z.object({ id: idSchema, format: clipFormatSchema.optional() }).strict(),
    z.object({ path: z.string(), revealed: z.boolean() }),
  ),
  /** One frame as a PNG data: URL, or the clip's thumbnail (WebP) for grids. */
  "video.frame": channel(
    z.object({ id: idSchema, index: z.number().int().min(0).default(0), variant: z.enum(["full", "thumbnail"]).default("full") }).strict(),
    z.object({ dataUrl: z.string(), index: z.number().int().nonnegative(), frameCount: z.number().int().positive() }),
  ),
  /** The settings an exported clip carries in its metadata; null when the file has none of ours. */
  "video.recall": channel(recallRequestSchema, z.object({ parameters: videoParametersSchema.nullable() })),
  /** Installed models for the Video panel's pickers, each with what it can do. */
  "video.models": channel(empty, z.object({ models: z.array(videoModelSchema) })),
} as const;
