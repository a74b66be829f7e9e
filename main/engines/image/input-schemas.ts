import { z } from "zod";
import { imageDataUrlSchema, samplerSchema } from "../../../shared/image";
import { settingsSchema } from "../../../shared/settings";
import { parseWorkerInput } from "../worker-input";
import type { ImageGenerateInput, UpscaleInput } from "./methods";

/** Which model and how, as every image engine method takes it. */
export const loadSchema = z.object({
  modelId: z.string().min(1).max(200),
  modelPath: z.string().min(1),
  provider: settingsSchema.shape.image.unwrap().shape.provider,
  cache: z.object({ budgetBytes: z.number().nonnegative(), idleUnloadMs: z.number().int().nonnegative() }),
});

const generateSchema = z
  .object({
    load: loadSchema,
    prompt: z.string().max(10_000),
    negativePrompt: z.string().max(10_000),
    width: z.number().int().min(8).max(4096).multipleOf(8),
    height: z.number().int().min(8).max(4096).multipleOf(8),
    steps: z.number().int().min(1).max(1000),
    cfgScale: z.number().min(0).max(100),
    sampler: samplerSchema,
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    initImage: imageDataUrlSchema.optional(),
    strength: z.number().min(0).max(1),
    mask: imageDataUrlSchema.optional(),
  })
  .refine((input) => !input.mask || input.initImage, { message: "a mask needs an init image", path: ["mask"] });

const upscaleSchema = z.object({
  load: loadSchema,
  imagePath: z.string().min(1),
  tileSize: z.number().int().min(16).max(4096),
  overlap: z.number().int().min(0).max(512),
});

export const parseGenerateInput = (value: unknown): ImageGenerateInput => parseWorkerInput(generateSchema, value, "generate");
export const parseUpscaleInput = (value: unknown): UpscaleInput => parseWorkerInput(upscaleSchema, value, "upscale");
