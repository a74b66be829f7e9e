import { readFile, rm } from "node:fs/promises";
import { writeFileDurably } from "../fs/durable-write";
import { AppError } from "../../shared/errors";
import { audioItemSchema, type AudioItem } from "../../shared/speech";
import { baseMimeType, extensionFor, isBrowserPlayable, parseDataUrl, toDataUrl } from "../audio/audio-formats";
import { probeAudio } from "../audio/decode";
import { transcodeAudio } from "../audio/transcode";
import { newId } from "../chats/new-id";
import type { EventBus } from "../events/bus";
import { resolveInside } from "../fs/inside";
import { JsonFolder } from "../fs/json-folder";
import type { Logger } from "../log/types";
import type { SpeechClip, SpeechClipStore } from "./tts-service";

export interface AudioImport {
  name: string;
  kind: "upload" | "recording";
  dataUrl: string;
}

/**
 * Uploads, recordings and synthesized clips in `<data>/library/audio/`: each file as it was
 * received (`<id>.<ext>`) plus a sidecar `<id>.json` (the AudioItem), written last so a
 * listed item always has its file.
 */
export class AudioLibrary implements SpeechClipStore {
  private readonly sidecars: JsonFolder<AudioItem>;

  constructor(
    readonly dir: string,
    private readonly events: EventBus,
    private readonly logger: Logger,
  ) {
    this.sidecars = new JsonFolder(dir, audioItemSchema, logger);
  }

  /** Checks it is audio by decoding it (duration and sample rate come from that), then stores it. */
  async import(request: AudioImport, signal?: AbortSignal): Promise<AudioItem> {
    const { mimeType, bytes } = parseDataUrl(request.dataUrl);
    if (bytes.length === 0) throw new AppError("INVALID_INPUT", "The audio file is empty.");
    const facts = await probeAudio(bytes, signal);
    const id = newId("audio");
    return this.store(bytes, {
      id,
      name: request.name,
      kind: request.kind,
      file: `${id}.${extensionFor(mimeType)}`,
      mimeType: baseMimeType(mimeType) || "application/octet-stream",
      durationSeconds: facts.durationSeconds,
      sampleRate: facts.sampleRate,
      createdAt: Date.now(),
    });
  }

  /** Keeps a finished text-to-speech clip (kind "speech"). */
  async saveSpeech(clip: SpeechClip, signal?: AbortSignal): Promise<AudioItem> {
    if (signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
    const id = newId("speech");
    return this.store(clip.bytes, {
      id,
      name: clip.name,
      kind: "speech",
      file: `${id}.${clip.format}`,
      mimeType: clip.mimeType,
      durationSeconds: clip.durationSeconds,
      sampleRate: clip.sampleRate,
      createdAt: Date.now(),
      text: clip.text,
      voiceId: clip.voiceId,
    });
  }

  /** Newest first. */
  async list(): Promise<AudioItem[]> {
    return (await this.sidecars.values()).sort((a, b) => b.createdAt - a.createdAt);
  }

  async get(id: string): Promise<AudioItem> {
    const item = await this.sidecars.find(id);
    if (!item) throw new AppError("NOT_FOUND", `There is no audio clip "${id}".`);
    return item;
  }

  /** The absolute path of a clip's file. */
  async filePath(id: string): Promise<string> {
    return resolveInside(this.dir, (await this.get(id)).file);
  }

  /** A data: URL the browser can play and draw: the file as stored, or a WAV made from formats some browsers lack. */
  async read(id: string, signal?: AbortSignal): Promise<{ dataUrl: string }> {
    const item = await this.get(id);
    const file = resolveInside(this.dir, item.file);
    if (isBrowserPlayable(item.file)) {
      return { dataUrl: toDataUrl(item.mimeType, await readFile(file)) };
    }
    return { dataUrl: toDataUrl("audio/wav", await transcodeAudio(file, "wav", signal)) };
  }

  async delete(id: string): Promise<void> {
    const item = await this.get(id);
    // The sidecar goes first: an item without it is never listed, a file without it is only litter.
    await this.sidecars.remove(item.id);
    await rm(resolveInside(this.dir, item.file), { force: true });
    this.logger.log("info", "audio", `Deleted audio ${id}`);
    this.events.emit("audio.changed", { deletedId: id });
  }

  private async store(bytes: Buffer, item: AudioItem): Promise<AudioItem> {
    await this.sidecars.open();
    await writeFileDurably(resolveInside(this.dir, item.file), bytes);
    await this.sidecars.save(item);
    this.events.emit("audio.changed", { item });
    return item;
  }
}
