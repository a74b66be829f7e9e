import { z } from "zod";
import { AppError } from "../../../shared/errors";
import { imageDataUrlSchema, samplerSchema } from "../../../shared/image";
import { settingsSchema } from "../../../shared/settings";
import type { ImageGenerateInput, UpscaleInput } from "./methods";

/** The worker checks what the host sends it too: a process boundary is a boundary. */
const loadSchema = z.object({
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

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
  throw new AppError("INVALID_INPUT", `${issue?.message ?? "Invalid input"}${where}`);
}

export const parseGenerateInput = (value: unknown): ImageGenerateInput => parseWith(generateSchema, value);
export const parseUpscaleInput = (value: unknown): UpscaleInput => parseWith(upscaleSchema, value);
