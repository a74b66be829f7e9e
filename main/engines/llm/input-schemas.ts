import { z } from "zod";
import { generationParamsSchema, MESSAGE_MAX, SYSTEM_PROMPT_MAX } from "../../../shared/chat";
import { parseWorkerInput } from "../worker-input";
import type { LlmFitInput, LlmGenerateInput, LlmLoadOptions } from "./methods";

const loadOptionsSchema = z.object({
  modelId: z.string().min(1).max(200),
  modelPath: z.string().min(1),
  sizeBytes: z.number().nonnegative(),
  gpuLayers: z.union([z.literal("auto"), z.literal("max"), z.number().int().nonnegative()]),
  threads: z.number().int().min(0).max(1024),
  contextSize: generationParamsSchema.shape.contextSize,
});

const generateInputSchema = z.object({
  load: loadOptionsSchema,
  systemPrompt: z.string().max(SYSTEM_PROMPT_MAX),
  messages: z
    .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string().max(MESSAGE_MAX) }))
    .min(1, "There is no message to answer.")
    .refine((messages) => messages.at(-1)?.role === "user", "The last message must be the user's."),
  params: generationParamsSchema.omit({ contextSize: true, seed: true }).extend({
    seed: z.number().int().min(0).max(2 ** 32 - 1),
  }),
});

const fitInputSchema = z.object({
  modelPath: z.string().min(1),
  contextSize: generationParamsSchema.shape.contextSize,
  gpuLayers: loadOptionsSchema.shape.gpuLayers,
});

export const parseGenerateInput = (value: unknown): LlmGenerateInput => parseWorkerInput(generateInputSchema, value, "generate");
export const parseLoadOptions = (value: unknown): LlmLoadOptions => parseWorkerInput(loadOptionsSchema, value, "load");
export const parseFitInput = (value: unknown): LlmFitInput => parseWorkerInput(fitInputSchema, value, "fit");
