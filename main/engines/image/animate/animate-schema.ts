import { z } from "zod";
import { imageDataUrlSchema, samplerSchema } from "../../../../shared/image";
import { absolutePathSchema, parseWorkerInput } from "../../worker-input";
import { loadSchema } from "../input-schemas";
import type { AnimateInput } from "./animate-types";

/** As the motion pipelines: far past any clip the studio plays or exports. */
export const MAX_ANIMATION_FRAMES = 1024;

const seedSchema = z.number().int().min(0).max(2 ** 32 - 1);
const dimension = z.number().int().min(8).max(4096).multipleOf(8, "must be a multiple of 8");

const keyframeSchema = z.object({
  frame: z.number().int().min(0).max(10 * MAX_ANIMATION_FRAMES),
  prompt: z.string().max(10_000),
  negativePrompt: z.string().max(10_000).optional(),
  seed: seedSchema.optional(),
  zoom: z.number().min(0.1).max(10).optional(),
  panX: z.number().min(-4096).max(4096).optional(),
  panY: z.number().min(-4096).max(4096).optional(),
  rotate: z.number().min(-360).max(360).optional(),
  strength: z.number().min(0).max(1).optional(),
});

const animateSchema = z.object({
  load: loadSchema,
  mode: z.enum(["prompt-travel", "feedback"]),
  keyframes: z
    .array(keyframeSchema)
    .min(1, "needs at least one keyframe")
    .max(MAX_ANIMATION_FRAMES)
    .refine((keyframes) => new Set(keyframes.map((keyframe) => keyframe.frame)).size === keyframes.length, "two keyframes are on the same frame"),
  frames: z.number().int().min(1).max(MAX_ANIMATION_FRAMES),
  fps: z.number().positive().max(240).optional(),
  negativePrompt: z.string().max(10_000).optional(),
  strength: z.number().min(0).max(1).optional(),
  width: dimension,
  height: dimension,
  steps: z.number().int().min(1).max(1000),
  cfgScale: z.number().min(0).max(100),
  sampler: samplerSchema,
  seed: seedSchema,
  seedIncrement: z.number().int().min(-(2 ** 32 - 1)).max(2 ** 32 - 1).optional(),
  border: z.enum(["reflect", "replicate"]).optional(),
  initImage: imageDataUrlSchema.optional(),
  outputDir: absolutePathSchema,
});

export const parseAnimateInput = (value: unknown): AnimateInput => parseWorkerInput(animateSchema, value, "animate");
