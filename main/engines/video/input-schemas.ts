import { z } from "zod";
import { imageDataUrlSchema } from "../../../shared/image";
import { settingsSchema } from "../../../shared/settings";
import { absolutePathSchema, parseWorkerInput } from "../worker-input";
import { MOTION_SAMPLERS, type MotionGenerateInput, type VideoModelLoad } from "./methods";

/** Far past any clip the studio plays or exports (about 40 s at 24 fps), and within a worker's memory at 512×512. */
export const MAX_FRAMES = 1024;

const loadSchema = z.object({
  modelId: z.string().min(1).max(200),
  modelPath: absolutePathSchema,
  provider: settingsSchema.shape.image.unwrap().shape.provider,
  cache: z.object({ budgetBytes: z.number().nonnegative(), idleUnloadMs: z.number().int().nonnegative() }),
});

const dimension = z.number().int().min(8).max(4096).multipleOf(8, "must be a multiple of 8");

const generateSchema = z.object({
  load: loadSchema,
  prompt: z.string().max(10_000),
  negativePrompt: z.string().max(10_000),
  frames: z.number().int().min(1).max(MAX_FRAMES),
  fps: z.number().positive().max(240),
  width: dimension,
  height: dimension,
  steps: z.number().int().min(1).max(1000),
  cfgScale: z.number().min(0).max(100),
  sampler: z.enum(MOTION_SAMPLERS),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  strength: z.number().min(0).max(1),
  contextOverlap: z.number().int().min(0).max(MAX_FRAMES).optional(),
  initImage: imageDataUrlSchema.optional(),
  outputDir: absolutePathSchema,
});

export const parseGenerateInput = (value: unknown): MotionGenerateInput => parseWorkerInput(generateSchema, value, "generate");
export const parseInspectInput = (value: unknown): { load: VideoModelLoad } => parseWorkerInput(z.object({ load: loadSchema }), value, "inspect");
