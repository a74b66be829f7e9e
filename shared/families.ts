import { z } from "zod";

export const MODEL_FAMILIES = ["llm", "image", "upscale", "stt", "tts", "vad", "video"] as const;
export const modelFamilySchema = z.enum(MODEL_FAMILIES);
export type ModelFamily = z.infer<typeof modelFamilySchema>;
