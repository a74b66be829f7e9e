import { z } from "zod";
import { idSchema } from "./ids";

/** An audio data: URL (any format ffmpeg decodes), up to ~150 MB. */
export const audioDataUrlSchema = z
  .string()
  .max(200 * 1024 * 1024)
  .regex(/^data:(audio|video)\/[\w.+-]+(;[\w=.-]+)*;base64,[A-Za-z0-9+/]+=*$/, "must be a base64 data: URL of an audio file");

export const audioItemSchema = z.object({
  id: idSchema,
  name: z.string(),
  kind: z.enum(["upload", "recording", "speech"]),
  /** File name inside <data>/library/audio/. */
  file: z.string(),
  mimeType: z.string(),
  durationSeconds: z.number().nonnegative(),
  sampleRate: z.number().int().positive(),
  createdAt: z.number(),
  /** Spoken text and voice, for synthesized clips. */
  text: z.string().optional(),
  voiceId: z.string().optional(),
});
export type AudioItem = z.infer<typeof audioItemSchema>;

export const timeSpanSchema = z.object({ start: z.number().nonnegative(), end: z.number().nonnegative() });
export type TimeSpan = z.infer<typeof timeSpanSchema>;

export const transcriptSegmentSchema = z.object({
  id: z.number().int().nonnegative(),
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  text: z.string().max(10_000),
});
export type TranscriptSegment = z.infer<typeof transcriptSegmentSchema>;

export const transcriptSchema = z.object({
  id: idSchema,
  audioId: idSchema,
  modelId: z.string(),
  /** The language spoken (detected or chosen), ISO 639-1. */
  language: z.string(),
  task: z.enum(["transcribe", "translate"]),
  segments: z.array(transcriptSegmentSchema),
  /** Speech regions found by the VAD, drawn on the waveform. */
  speech: z.array(timeSpanSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Transcript = z.infer<typeof transcriptSchema>;

export const voiceSchema = z.object({
  /** The installed model id. */
  id: z.string(),
  name: z.string(),
  engine: z.enum(["piper", "kokoro"]),
  language: z.string(),
  sampleRate: z.number().int().positive(),
  /** Multi-speaker voices and Kokoro styles. */
  speakers: z.array(z.string()),
});
export type Voice = z.infer<typeof voiceSchema>;

export const TRANSCRIPT_FORMATS = ["txt", "srt", "vtt", "json"] as const;
