import { z } from "zod";
import { conversationSchema } from "./chat";
import { idSchema } from "./ids";
import { jobSchema } from "./jobs";
import { engineStatusSchema, modelInfoSchema } from "./models";
import { downloadSchema } from "./library";
import { libraryItemSchema } from "./image";
import { audioItemSchema, transcriptSchema } from "./speech";
import { settingsSchema } from "./settings";
import { clipItemSchema } from "./video";
import { appChannels } from "./contract/app-channels";
import { chatChannels } from "./contract/chat-channels";
import { imageChannels } from "./contract/image-channels";
import { modelChannels } from "./contract/model-channels";
import { speechChannels } from "./contract/speech-channels";
import { videoChannels } from "./contract/video-channels";

/** Every request/response channel between the renderer and the host, one file per domain. */
export const invokeContract = {
  ...appChannels,
  ...modelChannels,
  ...imageChannels,
  ...speechChannels,
  ...chatChannels,
  ...videoChannels,
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
  /** A clip was added or changed (an export), or deleted. */
  "clip.changed": z.object({ item: clipItemSchema.optional(), deletedId: idSchema.optional() }),
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

