import { z } from "zod";
import { appErrorSchema } from "./errors";
import { idSchema } from "./ids";
import { modelFamilySchema } from "./families";
import { repoSchema, revisionSchema } from "./hub-names";

/** Repository ids and revisions as the Hub defines them (`./hub-names`). */
export { repoSchema, revisionSchema };
/** A file path inside a repository: relative, no `..`, no backslashes. */
export const repoPathSchema = z
  .string()
  .min(1)
  .max(500)
  .regex(/^[\w.@+-]+(\/[\w.@+-]+)*$/, "must be a relative path inside the repository")
  .refine((p) => !p.split("/").includes(".."), "must not contain '..'");
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase hex sha256");
/** A git object id: a commit, or a file's blob id (sha1), as 40 lowercase hex digits. */
export const gitObjectIdSchema = z.string().regex(/^[0-9a-f]{40}$/, "must be a 40-digit git object id");

export function isGitObjectId(value: string): boolean {
  return gitObjectIdSchema.safeParse(value).success;
}

export const catalogFileSchema = z.object({
  path: repoPathSchema,
  size: z.number().int().nonnegative().optional(),
  sha256: sha256Schema.optional(),
});
export type CatalogFile = z.infer<typeof catalogFileSchema>;

/** One curated model in resources/catalog.json. */
export const catalogEntrySchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  family: modelFamilySchema,
  format: z.enum(["gguf", "onnx"]),
  description: z.string(),
  repo: repoSchema,
  revision: revisionSchema,
  files: z.array(catalogFileSchema).min(1),
  license: z.string().min(1),
  /** Family-specific defaults, e.g. {steps: 1, cfgScale: 0} for SD-Turbo. */
  defaults: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Memory needed to run, in bytes (weights plus working memory at the defaults). */
  memory: z.object({ ram: z.number().nonnegative(), vram: z.number().nonnegative() }),
  tags: z.array(z.string()).default([]),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export const catalogSchema = z.object({ version: z.literal(1), models: z.array(catalogEntrySchema) });

export const FIT_VERDICTS = ["gpu", "partial", "cpu", "too-large"] as const;
/** Whether a model fits this machine, before download and before load. */
export const fitSchema = z.object({
  verdict: z.enum(FIT_VERDICTS),
  ramBytes: z.number().nonnegative(),
  vramBytes: z.number().nonnegative(),
  /** For GGUF: layers expected on the GPU, of all. */
  gpuLayers: z.number().int().nonnegative().optional(),
  totalLayers: z.number().int().nonnegative().optional(),
  /** One sentence a creator understands. */
  summary: z.string(),
});
export type Fit = z.infer<typeof fitSchema>;

export const catalogItemSchema = catalogEntrySchema.extend({
  installed: z.boolean(),
  totalBytes: z.number().nonnegative().optional(),
  fit: fitSchema,
  sourceUrl: z.string(),
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;

export const gpuInfoSchema = z.object({
  name: z.string(),
  type: z.enum(["cuda", "vulkan", "metal"]),
  vramBytes: z.number().nonnegative(),
  freeVramBytes: z.number().nonnegative(),
});
export const hardwareInfoSchema = z.object({
  ramBytes: z.number().nonnegative(),
  freeRamBytes: z.number().nonnegative(),
  cpuCores: z.number().int().positive(),
  cpuModel: z.string(),
  gpus: z.array(gpuInfoSchema),
  /** onnxruntime execution providers this build can use, e.g. ["cpu", "cuda"]. */
  onnxProviders: z.array(z.string()),
});
export type HardwareInfo = z.infer<typeof hardwareInfoSchema>;

export const hubFileSchema = z.object({
  path: z.string(),
  size: z.number().nonnegative(),
  sha256: sha256Schema.optional(),
  /** For GGUF files: the quantization read from the name, e.g. Q4_K_M. */
  quantization: z.string().optional(),
  fit: fitSchema.optional(),
});
export type HubFile = z.infer<typeof hubFileSchema>;

export const hubModelSchema = z.object({
  repo: z.string(),
  downloads: z.number().nonnegative().optional(),
  likes: z.number().nonnegative().optional(),
  updatedAt: z.string().optional(),
  gated: z.boolean().optional(),
  tags: z.array(z.string()).default([]),
});
export type HubModel = z.infer<typeof hubModelSchema>;

export const DOWNLOAD_STATES = ["queued", "downloading", "paused", "verifying", "installing", "completed", "failed", "cancelled"] as const;
export const downloadStateSchema = z.enum(DOWNLOAD_STATES);
export type DownloadState = z.infer<typeof downloadStateSchema>;

export const downloadFileProgressSchema = z.object({
  path: repoPathSchema,
  size: z.number().nonnegative(),
  receivedBytes: z.number().nonnegative(),
  verified: z.boolean(),
});

export const downloadSchema = z.object({
  id: z.string(),
  /** The id the installed model will have. */
  modelId: idSchema,
  name: z.string(),
  family: modelFamilySchema,
  repo: repoSchema,
  revision: revisionSchema,
  state: downloadStateSchema,
  files: z.array(downloadFileProgressSchema),
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  bytesPerSecond: z.number().nonnegative(),
  /** Seconds left at the current speed; null when unknown. */
  etaSeconds: z.number().nonnegative().nullable(),
  attempts: z.number().int().nonnegative(),
  error: appErrorSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Download = z.infer<typeof downloadSchema>;

export const downloadRequestSchema = z.union([
  z.object({ catalogId: idSchema }).strict(),
  z
    .object({
      repo: repoSchema,
      revision: revisionSchema.default("main"),
      files: z.array(repoPathSchema).min(1).max(200),
      family: modelFamilySchema,
      name: z.string().min(1).max(200).optional(),
    })
    .strict(),
]);
export type DownloadRequest = z.infer<typeof downloadRequestSchema>;
