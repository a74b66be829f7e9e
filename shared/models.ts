import { z } from "zod";
import { idSchema } from "./ids";
import { engineNameSchema } from "./jobs";
import { modelFamilySchema } from "./families";
import { fitSchema, repoSchema, revisionSchema } from "./library";

export { MODEL_FAMILIES, modelFamilySchema, type ModelFamily } from "./families";

export const modelInfoSchema = z.object({
  id: idSchema,
  name: z.string(),
  family: modelFamilySchema,
  format: z.enum(["gguf", "onnx"]),
  /** Absolute path of the model file or folder. */
  path: z.string(),
  sizeBytes: z.number().nonnegative(),
  architecture: z.string().optional(),
  contextLength: z.number().int().positive().optional(),
  /** Whether the model carries its own chat template. */
  hasChatTemplate: z.boolean().optional(),
  /** Where a downloaded model came from. */
  source: z.object({ repo: repoSchema, revision: revisionSchema, catalogId: z.string().optional() }).optional(),
  /** How an imported model is held: a copy in the data dir, or a link to the user's file. */
  imported: z.enum(["copy", "link"]).optional(),
  /** Whether it fits this machine (estimated; see loaded models for what actually happened). */
  fit: fitSchema.optional(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

export const loadedModelSchema = z.object({
  modelId: z.string(),
  engine: engineNameSchema,
  memoryBytes: z.number().nonnegative(),
  lastUsedAt: z.number(),
  /** Running a job right now: it cannot be unloaded to make room until that ends. */
  inUse: z.boolean(),
  /** Layers on the GPU, for LLMs. */
  gpuLayers: z.number().int().nonnegative().optional(),
  totalLayers: z.number().int().nonnegative().optional(),
});
export type LoadedModel = z.infer<typeof loadedModelSchema>;

export const engineStateSchema = z.enum(["stopped", "starting", "ready", "crashed"]);
export const engineStatusSchema = z.object({
  engine: engineNameSchema,
  state: engineStateSchema,
  pid: z.number().int().optional(),
  loaded: z.array(loadedModelSchema),
});
export type EngineStatus = z.infer<typeof engineStatusSchema>;
