import { z } from "zod";
import { idSchema } from "../ids";
import {
  audioDataUrlSchema,
  audioItemSchema,
  timeSpanSchema,
  TRANSCRIPT_FORMATS,
  transcriptSchema,
  transcriptSegmentSchema,
  voiceSchema,
} from "../speech";
import { byId, channel, deleted, empty } from "./channel";

/** The speech studio: audio clips, transcription and voices. */
export const speechChannels = {
  /** Stores an uploaded file or a microphone recording (decoded to check it is audio). */
  "audio.import": channel(
    z
      .object({ name: z.string().trim().min(1).max(200), kind: z.enum(["upload", "recording"]), dataUrl: audioDataUrlSchema })
      .strict(),
    audioItemSchema,
  ),
  "audio.list": channel(empty, z.array(audioItemSchema)),
  /** The clip as a WAV (or its stored format) data: URL, for the waveform and playback. */
  "audio.read": channel(byId, z.object({ dataUrl: z.string() })),
  "audio.delete": channel(byId, deleted),
  /** Speech regions by Silero VAD. */
  "audio.detectSpeech": channel(
    z.object({ id: idSchema, modelId: idSchema.optional() }).strict(),
    z.object({ speech: z.array(timeSpanSchema) }),
  ),

  "speech.transcribe": channel(
    z
      .object({
        audioId: idSchema,
        modelId: idSchema,
        /** "auto" detects the language (multilingual models). */
        language: z.string().regex(/^(auto|[a-z]{2,3})$/).default("auto"),
        task: z.enum(["transcribe", "translate"]).default("transcribe"),
      })
      .strict(),
    z.object({ jobId: z.string() }),
  ),
  "speech.transcripts": channel(z.object({ audioId: idSchema.optional() }).strict(), z.array(transcriptSchema)),
  "speech.updateTranscript": channel(
    z.object({ id: idSchema, segments: z.array(transcriptSegmentSchema).max(100_000) }).strict(),
    transcriptSchema,
  ),
  "speech.exportTranscript": channel(
    z.object({ id: idSchema, format: z.enum(TRANSCRIPT_FORMATS) }).strict(),
    z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }),
  ),
  "speech.deleteTranscript": channel(byId, deleted),
  "speech.voices": channel(empty, z.array(voiceSchema)),
  /** Synthesizes text sentence by sentence; `speech.chunk` events carry each sentence's audio as it is ready. */
  "speech.speak": channel(
    z
      .object({
        voiceId: idSchema,
        text: z.string().max(50_000).refine((t) => t.trim().length > 0, "must not be empty"),
        speed: z.number().min(0.5).max(2).default(1),
        speaker: z.string().max(100).optional(),
        format: z.enum(["wav", "mp3", "ogg"]).default("wav"),
      })
      .strict(),
    z.object({ jobId: z.string() }),
  ),
} as const;
