import { z } from "zod";
import {
  chatMessageSchema,
  conversationSchema,
  conversationSummarySchema,
  generationParamsSchema,
  MESSAGE_MAX,
  SYSTEM_PROMPT_MAX,
  TITLE_MAX,
} from "./chat";
import { idSchema } from "./ids";
import { jobSchema } from "./jobs";
import { engineStatusSchema, loadedModelSchema, modelFamilySchema, modelInfoSchema } from "./models";
import {
  catalogItemSchema,
  downloadRequestSchema,
  downloadSchema,
  fitSchema,
  hardwareInfoSchema,
  hubFileSchema,
  hubModelSchema,
  repoSchema,
  revisionSchema,
} from "./library";
import { imageGenerateRequestSchema, libraryItemSchema, upscaleRequestSchema } from "./image";
import {
  audioDataUrlSchema,
  audioItemSchema,
  timeSpanSchema,
  TRANSCRIPT_FORMATS,
  transcriptSchema,
  transcriptSegmentSchema,
  voiceSchema,
} from "./speech";
import { settingsPatchSchema, settingsSchema } from "./settings";

const empty = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();
const title = z.string().trim().min(1).max(TITLE_MAX);
const messageText = z.string().max(MESSAGE_MAX).refine((text) => text.trim().length > 0, "must not be empty");

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

/** Every request/response channel between the renderer and the host. */
export const invokeContract = {
  "app.info": channel(
    empty,
    z.object({
      version: z.string(),
      dataDir: z.string(),
      mode: z.enum(["desktop", "serve"]),
      platform: z.string(),
    }),
  ),

  "settings.get": channel(empty, settingsSchema),
  "settings.update": channel(settingsPatchSchema, settingsSchema),

  "jobs.list": channel(empty, z.array(jobSchema)),
  "jobs.cancel": channel(z.object({ id: z.string().min(1).max(100) }).strict(), jobSchema),
  "jobs.clearFinished": channel(empty, z.object({ removed: z.number().int().nonnegative() })),

  "models.list": channel(empty, z.array(modelInfoSchema)),
  "models.refresh": channel(empty, z.array(modelInfoSchema)),
  "models.delete": channel(byId, z.object({ deleted: z.literal(true) })),
  "models.unload": channel(byId, z.object({ unloaded: z.boolean() })),

  /** Loads a model now; a model estimated too large is refused unless `force` ("load anyway"). */
  "models.load": channel(z.object({ id: idSchema, force: z.boolean().default(false) }).strict(), loadedModelSchema),
  "models.fit": channel(
    z.object({ id: idSchema, contextSize: z.number().int().min(128).max(1 << 20).optional() }).strict(),
    fitSchema,
  ),
  /** Validates a .gguf file or an ONNX model folder by reading it, then registers it. */
  "models.import": channel(
    z
      .object({
        path: z.string().min(1).max(4096),
        mode: z.enum(["copy", "link"]),
        family: modelFamilySchema.optional(),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    modelInfoSchema,
  ),

  "engines.status": channel(empty, z.array(engineStatusSchema)),
  "hardware.info": channel(empty, hardwareInfoSchema),

  "catalog.list": channel(empty, z.array(catalogItemSchema)),

  "hub.search": channel(
    z
      .object({
        query: z.string().trim().min(1).max(200),
        /** Only repositories with GGUF files. */
        ggufOnly: z.boolean().default(true),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    z.array(hubModelSchema),
  ),
  /** Every file of a repository at a revision, with sizes, LFS sha256 and (for GGUF) fit. */
  "hub.files": channel(
    z.object({ repo: repoSchema, revision: revisionSchema.default("main") }).strict(),
    z.array(hubFileSchema),
  ),
  "hub.tokenStatus": channel(empty, z.object({ tokenSet: z.boolean(), encrypted: z.boolean() })),
  /** Stores (or with null, forgets) the access token for gated repositories; it is never sent back. */
  "hub.setToken": channel(
    z.object({ token: z.string().trim().min(1).max(500).nullable() }).strict(),
    z.object({ tokenSet: z.boolean(), encrypted: z.boolean() }),
  ),

  "downloads.list": channel(empty, z.array(downloadSchema)),
  "downloads.start": channel(downloadRequestSchema, downloadSchema),
  "downloads.pause": channel(z.object({ id: z.string().min(1).max(100) }).strict(), downloadSchema),
  "downloads.resume": channel(z.object({ id: z.string().min(1).max(100) }).strict(), downloadSchema),
  /** Stops a download and removes its partial files. */
  "downloads.cancel": channel(z.object({ id: z.string().min(1).max(100) }).strict(), downloadSchema),
  "downloads.clearFinished": channel(empty, z.object({ removed: z.number().int().nonnegative() })),

  /** Queues one job per image of the batch (seed + i), each with per-step progress and previews. */
  "image.generate": channel(imageGenerateRequestSchema, z.object({ jobIds: z.array(z.string()).min(1) })),
  "image.upscale": channel(upscaleRequestSchema, z.object({ jobId: z.string() })),

  "library.list": channel(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.object({ items: z.array(libraryItemSchema), total: z.number().int().nonnegative() }),
  ),
  "library.get": channel(byId, libraryItemSchema),
  /** The image as a data: URL: the full PNG, or a small thumbnail for grids. */
  "library.read": channel(
    z.object({ id: idSchema, variant: z.enum(["full", "thumbnail"]).default("full") }).strict(),
    z.object({ dataUrl: z.string() }),
  ),
  "library.delete": channel(byId, z.object({ deleted: z.literal(true) })),
  /** Shows the file in the OS file manager (desktop); always answers its absolute path. */
  "library.reveal": channel(byId, z.object({ path: z.string(), revealed: z.boolean() })),

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
  "audio.delete": channel(byId, z.object({ deleted: z.literal(true) })),
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
  "speech.deleteTranscript": channel(byId, z.object({ deleted: z.literal(true) })),
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

  "chat.list": channel(empty, z.array(conversationSummarySchema)),
  "chat.get": channel(byId, conversationSchema),
  "chat.create": channel(
    z
      .object({
        title: title.optional(),
        modelId: idSchema.nullable().optional(),
        systemPrompt: z.string().max(SYSTEM_PROMPT_MAX).optional(),
        params: generationParamsSchema.partial().strict().optional(),
      })
      .strict(),
    conversationSchema,
  ),
  "chat.update": channel(
    z
      .object({
        id: idSchema,
        title: title.optional(),
        modelId: idSchema.nullable().optional(),
        systemPrompt: z.string().max(SYSTEM_PROMPT_MAX).optional(),
        params: generationParamsSchema.partial().strict().optional(),
      })
      .strict(),
    conversationSchema,
  ),
  "chat.delete": channel(byId, z.object({ deleted: z.literal(true) })),
  "chat.export": channel(
    z.object({ id: idSchema, format: z.enum(["markdown", "json"]) }).strict(),
    z.object({ filename: z.string(), mimeType: z.string(), content: z.string() }),
  ),
  /** Appends a user message to the active branch and starts a reply. */
  "chat.send": channel(
    z.object({ conversationId: idSchema, content: messageText }).strict(),
    z.object({ jobId: z.string(), userMessageId: idSchema, assistantMessageId: idSchema }),
  ),
  /** A new sibling reply to the same user message; the old reply stays reachable. */
  "chat.regenerate": channel(
    z.object({ conversationId: idSchema, messageId: idSchema }).strict(),
    z.object({ jobId: z.string(), assistantMessageId: idSchema }),
  ),
  /** A new sibling of an earlier user message with new text, answered afresh. */
  "chat.edit": channel(
    z.object({ conversationId: idSchema, messageId: idSchema, content: messageText }).strict(),
    z.object({ jobId: z.string(), userMessageId: idSchema, assistantMessageId: idSchema }),
  ),
  /** Shows the branch through this message (its newest descendant becomes the leaf). */
  "chat.selectBranch": channel(
    z.object({ conversationId: idSchema, messageId: idSchema }).strict(),
    conversationSchema,
  ),
} as const;

/** Every event the host pushes to renderers. */
export const eventContract = {
  "job.updated": jobSchema,
  /** Coalesced reply text: append `text` to the message. */
  "chat.delta": z.object({
    jobId: z.string(),
    conversationId: idSchema,
    messageId: idSchema,
    text: z.string(),
  }),
  "chat.updated": z.object({ conversation: conversationSchema }),
  "chat.deleted": z.object({ id: idSchema }),
  "models.changed": z.object({ models: z.array(modelInfoSchema) }),
  "engines.changed": z.object({ engines: z.array(engineStatusSchema) }),
  "settings.changed": settingsSchema,
  "download.updated": downloadSchema,
  "library.changed": z.object({ item: libraryItemSchema.optional(), deletedId: idSchema.optional() }),
  "audio.changed": z.object({ item: audioItemSchema.optional(), deletedId: idSchema.optional() }),
  "transcript.updated": transcriptSchema,
  /** One synthesized sentence, playable before the rest is done. */
  "speech.chunk": z.object({
    jobId: z.string(),
    index: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    text: z.string(),
    dataUrl: z.string(),
  }),
} as const;

export type InvokeContract = typeof invokeContract;
export type Channel = keyof InvokeContract;
export type EventName = keyof typeof eventContract;

/** What a caller sends (before defaults are applied). */
export type RequestOf<C extends Channel> = z.input<InvokeContract[C]["request"]>;
/** What a handler receives (after validation and defaults). */
export type ParsedRequestOf<C extends Channel> = z.output<InvokeContract[C]["request"]>;
export type ResponseOf<C extends Channel> = z.output<InvokeContract[C]["response"]>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

export const CHANNELS = Object.keys(invokeContract) as Channel[];
export const EVENT_NAMES = Object.keys(eventContract) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === "string" && Object.hasOwn(invokeContract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === "string" && Object.hasOwn(eventContract, name);
}

export type Unsubscribe = () => void;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

