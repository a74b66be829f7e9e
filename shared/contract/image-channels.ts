import { z } from "zod";
import { idSchema } from "../ids";
import { imageGenerateRequestSchema, libraryItemSchema, upscaleRequestSchema } from "../image";
import { byId, channel, deleted } from "./channel";

/** The image studio and its gallery. */
export const imageChannels = {
  /** Queues one job per image of the batch (seed + i), each with per-step progress and previews. */
  "image.generate": channel(imageGenerateRequestSchema, z.object({ jobIds: z.array(z.string()).min(1) })),
  "image.upscale": channel(upscaleRequestSchema, z.object({ jobId: z.string() })),

  "library.list": channel(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.object({ items: z.array(libraryItemSchema), total: z.number().int().nonnegative() }),
  ),
  "library.get": channel(byId, libraryItemSchema),
  /** The image as a data: URL: the full PNG, or a small thumbnail for grids. */
  "library.read": channel(
    z.object({ id: idSchema, variant: z.enum(["full", "thumbnail"]).default("full") }).strict(),
    z.object({ dataUrl: z.string() }),
  ),
  "library.delete": channel(byId, deleted),
  /** Shows the file in the OS file manager (desktop); always answers its absolute path. */
  "library.reveal": channel(byId, z.object({ path: z.string(), revealed: z.boolean() })),
} as const;
