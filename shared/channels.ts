import type { Channel, EventName } from "./contract";

/**
 * The contract's channel and event names as plain lists, for the sandboxed preload:
 * importing contract.ts there would bundle zod into it. The checks below keep the
 * lists and the contract in agreement at compile time, both ways.
 */
export const INVOKE_CHANNELS = [
  "app.info",
  "app.about",
  "settings.get",
  "settings.update",
  "jobs.list",
  "jobs.cancel",
  "jobs.clearFinished",
  "models.list",
  "models.refresh",
  "models.delete",
  "models.unload",
  "models.load",
  "models.fit",
  "models.import",
  "engines.status",
  "hardware.info",
  "catalog.list",
  "hub.search",
  "hub.files",
  "hub.tokenStatus",
  "hub.setToken",
  "downloads.list",
  "downloads.start",
  "downloads.pause",
  "downloads.resume",
  "downloads.cancel",
  "downloads.clearFinished",
  "image.generate",
  "image.upscale",
  "library.list",
  "library.get",
  "library.read",
  "library.delete",
  "library.reveal",
  "audio.import",
  "audio.list",
  "audio.read",
  "audio.delete",
  "audio.detectSpeech",
  "speech.transcribe",
  "speech.transcripts",
  "speech.updateTranscript",
  "speech.exportTranscript",
  "speech.deleteTranscript",
  "speech.voices",
  "speech.speak",
  "chat.list",
  "chat.get",
  "chat.create",
  "chat.update",
  "chat.delete",
  "chat.export",
  "chat.send",
  "chat.regenerate",
  "chat.edit",
  "chat.selectBranch",
] as const satisfies readonly Channel[];

export const PUSH_EVENTS = [
  "job.updated",
  "chat.delta",
  "chat.updated",
  "chat.deleted",
  "models.changed",
  "engines.changed",
  "settings.changed",
  "download.updated",
  "library.changed",
  "audio.changed",
  "transcript.updated",
  "speech.chunk",
] as const satisfies readonly EventName[];

type MustBeEmpty<T extends never> = T;
/** Fails to compile when the contract has a channel the list lacks. */
export type EveryChannelListed = MustBeEmpty<Exclude<Channel, (typeof INVOKE_CHANNELS)[number]>>;
/** Fails to compile when the contract has an event the list lacks. */
export type EveryEventListed = MustBeEmpty<Exclude<EventName, (typeof PUSH_EVENTS)[number]>>;
