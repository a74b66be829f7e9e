import { concatFloats } from "../../shared/concat";
import { AppError } from "../../shared/errors";
import type { ParsedRequestOf } from "../../shared/contract";
import type { ModelInfo } from "../../shared/models";
import type { AudioItem, Voice } from "../../shared/speech";
import type { TtsMethods } from "../engines/speech/tts/tts-methods";
import { decodeSamples } from "../engines/speech/tts/tts-methods";
import type { EngineClient } from "../engines/protocol";
import type { EventBus } from "../events/bus";
import type { JobContext, JobQueue } from "../jobs/job-queue";
import type { Logger } from "../log/types";
import type { MemoryBroker } from "../models/memory-broker";
import { encodeClip, SPEECH_MIME_TYPES, wavDataUrl, withPause, type SpeechFormat } from "./tts-clip";
import { splitSentences } from "./tts-sentences";
import { describeVoice, listVoices } from "./tts-voices";

export type SpeakRequest = ParsedRequestOf<"speech.speak">;

/** A finished clip to keep in the audio library as kind "speech". */
export interface SpeechClip {
  name: string;
  bytes: Buffer;
  format: SpeechFormat;
  mimeType: string;
  sampleRate: number;
  durationSeconds: number;
  text: string;
  voiceId: string;
}

/** Where finished clips go: the audio library (`<data>/library/audio/`). */
export interface SpeechClipStore {
  saveSpeech(clip: SpeechClip, signal?: AbortSignal): Promise<AudioItem>;
}

export interface SpeakResult {
  audioId: string;
  durationSeconds: number;
  sentences: number;
}

export interface TtsServiceOptions {
  engine: Pick<EngineClient<TtsMethods>, "call">;
  memory: Pick<MemoryBroker, "makeRoom">;
  jobs: JobQueue;
  events: EventBus;
  models: { get(id: string): Promise<ModelInfo>; list(): Promise<ModelInfo[]> };
  clips: SpeechClipStore;
  logger: Logger;
}

/**
 * Speaks text as a job: sentence by sentence in the speech engine, each sentence's audio sent
 * as a `speech.chunk` event as soon as it exists (the UI starts playing the first while the rest
 * renders), progress per sentence, cancel between sentences; the whole clip goes to the library.
 */
export class TtsService {
  constructor(private readonly options: TtsServiceOptions) {}

  async voices(): Promise<Voice[]> {
    return listVoices(await this.options.models.list(), this.options.logger);
  }

  async speak(request: SpeakRequest): Promise<{ jobId: string }> {
    const model = await this.options.models.get(request.voiceId);
    const voice = await describeVoice(model);
    if (request.speaker !== undefined && voice.speakers.length > 0 && !voice.speakers.includes(request.speaker)) {
      throw new AppError("INVALID_INPUT", `"${voice.name}" has no speaker "${request.speaker}" (speakers: ${voice.speakers.join(", ")}).`);
    }
    const sentences = splitSentences(request.text, voice.language);
    if (sentences.length === 0) throw new AppError("INVALID_INPUT", "There is nothing to speak: the text has no words.");
    const job = this.options.jobs.enqueue<SpeakResult>({
      kind: "speech.speak",
      engine: "speech",
      title: `Speak “${preview(request.text, 40)}” with ${voice.name}`,
      run: (ctx) => this.render(ctx, request, model, sentences),
    });
    await this.options.jobs.persisted([job.id]);
    return { jobId: job.id };
  }

  private async render(ctx: JobContext, request: SpeakRequest, model: ModelInfo, sentences: string[]): Promise<SpeakResult> {
    const total = sentences.length;
    const parts: Float32Array[] = [];
    let sampleRate = 0;
    ctx.progress({ fraction: 0, step: 0, total, message: `Loading ${model.name}` });
    for (const [index, text] of sentences.entries()) {
      if (ctx.signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
      // Each sentence acquires the voice anew: another job may have unloaded it in between.
      await this.options.memory.makeRoom("speech", [model.id]);
      const output = await this.options.engine.call(
        "tts.synthesize",
        { modelId: model.id, modelPath: model.path, sizeBytes: model.sizeBytes, text, speed: request.speed, ...(request.speaker ? { speaker: request.speaker } : {}) },
        { signal: ctx.signal },
      );
      sampleRate = output.sampleRate;
      const samples = withPause(decodeSamples(output.samples), sampleRate, index === total - 1);
      parts.push(samples);
      this.options.events.emit("speech.chunk", { jobId: ctx.jobId, index, total, text, dataUrl: wavDataUrl(samples, sampleRate) });
      ctx.progress({ fraction: (index + 1) / (total + 1), step: index + 1, total, message: `Sentence ${index + 1} of ${total}` });
    }
    const samples = concatFloats(parts);
    const durationSeconds = samples.length / sampleRate;
    ctx.progress({ message: `Saving ${request.format.toUpperCase()}` });
    const bytes = await encodeClip(samples, sampleRate, request.format, ctx.signal);
    const item = await this.options.clips.saveSpeech(
      {
        name: preview(request.text, 60),
        bytes,
        format: request.format,
        mimeType: SPEECH_MIME_TYPES[request.format],
        sampleRate,
        durationSeconds,
        text: request.text,
        voiceId: model.id,
      },
      ctx.signal,
    );
    return { audioId: item.id, durationSeconds, sentences: total };
  }
}

/** The text's start on one line, cut at a word with an ellipsis. */
function preview(text: string, max: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : max)}…`;
}
