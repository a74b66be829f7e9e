import { z } from "zod";

export const gpuLayersSchema = z.union([z.literal("auto"), z.literal("max"), z.number().int().min(0).max(1000)]);

export const settingsSchema = z.object({
  llm: z.object({
    /** CPU threads for generation; 0 picks automatically from model size and cores. */
    threads: z.number().int().min(0).max(256).default(0),
    /** Layers offloaded to the GPU: "auto" fits what memory allows. */
    gpuLayers: gpuLayersSchema.default("auto"),
  }).prefault({}),
  engines: z.object({
    /** Unload a model after this many minutes without use; 0 keeps it loaded. */
    idleUnloadMinutes: z.number().min(0).max(24 * 60).default(15),
    /** Memory the loaded models of one engine may use, in MiB; 0 means half of RAM. */
    ramBudgetMiB: z.number().int().min(0).max(16 * 1024 * 1024).default(0),
    /** Memory on the GPU the loaded models may use, in MiB; 0 means 90% of free VRAM. */
    vramBudgetMiB: z.number().int().min(0).max(16 * 1024 * 1024).default(0),
    /** Jobs one engine runs at once. */
    concurrency: z.number().int().min(1).max(8).default(1),
  }).prefault({}),
  image: z.object({
    /** onnxruntime execution provider for image models; "auto" takes the best one present. */
    provider: z.enum(["auto", "cpu", "cuda", "directml", "coreml"]).default("auto"),
  }).prefault({}),
  hub: z.object({
    /** The Hugging Face endpoint, like HF_ENDPOINT: a mirror or a test server may stand in. */
    endpoint: z.url({ protocol: /^https?$/ }).default("https://huggingface.co"),
  }).prefault({}),
  downloads: z.object({
    /** Downloads that run at once. */
    concurrency: z.number().int().min(1).max(8).default(2),
  }).prefault({}),
  models: z.object({
    /** More folders whose models are discovered at start and on refresh, besides <data>/models. */
    folders: z.array(z.string().min(1).max(4096)).max(16).default([]),
  }).prefault({}),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update: any subset of each section. */
export const settingsPatchSchema = z.object({
  llm: settingsSchema.shape.llm.unwrap().partial().strict().optional(),
  engines: settingsSchema.shape.engines.unwrap().partial().strict().optional(),
  image: settingsSchema.shape.image.unwrap().partial().strict().optional(),
  hub: settingsSchema.shape.hub.unwrap().partial().strict().optional(),
  downloads: settingsSchema.shape.downloads.unwrap().partial().strict().optional(),
  models: settingsSchema.shape.models.unwrap().partial().strict().optional(),
}).strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
