import { z } from "zod";
import { idSchema } from "./ids";

export const SAMPLERS = ["euler", "euler_a", "ddim", "dpmpp_2m_karras", "lcm"] as const;
export const samplerSchema = z.enum(SAMPLERS);
export type Sampler = z.infer<typeof samplerSchema>;

/** A1111 names for the PNG `parameters` chunk, and back. */
export const SAMPLER_LABELS: Record<Sampler, string> = {
  euler: "Euler",
  euler_a: "Euler a",
  ddim: "DDIM",
  dpmpp_2m_karras: "DPM++ 2M Karras",
  lcm: "LCM",
};

const dimension = z.number().int().min(64).max(2048).refine((n) => n % 8 === 0, "must be a multiple of 8");
/** A data: URL of a PNG/JPEG/WebP image, at most ~40 MB. */
export const imageDataUrlSchema = z
  .string()
  .max(40 * 1024 * 1024)
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, "must be a base64 data: URL of a PNG, JPEG or WebP image");

export const imageGenerateRequestSchema = z
  .object({
    modelId: idSchema,
    prompt: z.string().max(10_000),
    negativePrompt: z.string().max(10_000).default(""),
    width: dimension.default(512),
    height: dimension.default(512),
    steps: z.number().int().min(1).max(150).default(20),
    cfgScale: z.number().min(0).max(30).default(7),
    sampler: samplerSchema.default("euler_a"),
    /** Null draws a random seed; image i of a batch uses seed + i. */
    seed: z.number().int().min(0).max(2 ** 32 - 1).nullable().default(null),
    batchCount: z.number().int().min(1).max(16).default(1),
    /** img2img / inpainting source. */
    initImage: imageDataUrlSchema.optional(),
    /** How far to move away from the init image: 0 keeps it, 1 ignores it. */
    strength: z.number().min(0).max(1).default(0.75),
    /** White = repaint, black = keep; same size as the init image. */
    mask: imageDataUrlSchema.optional(),
  })
  .strict()
  .refine((r) => !r.mask || r.initImage, { message: "a mask needs an init image", path: ["mask"] });
export type ImageGenerateRequest = z.infer<typeof imageGenerateRequestSchema>;

export const imageParametersSchema = z.object({
  prompt: z.string(),
  negativePrompt: z.string(),
  steps: z.number().int(),
  sampler: samplerSchema,
  cfgScale: z.number(),
  seed: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  modelId: z.string(),
  modelName: z.string(),
  mode: z.enum(["txt2img", "img2img", "inpaint", "upscale"]),
  strength: z.number().optional(),
  upscaleFactor: z.number().optional(),
});
export type ImageParameters = z.infer<typeof imageParametersSchema>;

export const libraryItemSchema = z.object({
  id: idSchema,
  kind: z.literal("image"),
  /** File name inside <data>/library/. */
  file: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  sizeBytes: z.number().nonnegative(),
  createdAt: z.number(),
  parameters: imageParametersSchema.nullable(),
  jobId: z.string().optional(),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;

export const upscaleRequestSchema = z
  .object({
    itemId: idSchema,
    modelId: idSchema,
    /** Tile edge in input pixels; large images are processed tile by tile. */
    tileSize: z.number().int().min(32).max(1024).default(256),
    overlap: z.number().int().min(0).max(128).default(16),
  })
  .strict();
export type UpscaleRequest = z.infer<typeof upscaleRequestSchema>;

/** What an image.generate / image.upscale job returns (job.result): the library item it saved. */
export const imageJobResultSchema = z.object({
  itemId: idSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ImageJobResult = z.infer<typeof imageJobResultSchema>;
