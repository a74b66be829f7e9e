import type { ParsedRequestOf } from "../../shared/contract";
import { AppError } from "../../shared/errors";
import type { TimeSpan, Transcript, TranscriptSegment } from "../../shared/speech";
import { newId } from "../chats/new-id";
import type { EngineClient } from "../engines/protocol";
import type { SttMethods, TranscribeEvent, TranscribeTimings } from "../engines/speech/stt-methods";
import type { EventBus } from "../events/bus";
import type { JobContext, JobQueue } from "../jobs/job-queue";
import type { MemoryBroker } from "../models/memory-broker";
import type { AudioLibrary } from "./audio-library";
import { vadModelRef, whisperModelRef, type SpeechModelSource } from "./speech-models";
import { exportTranscript, type TranscriptFormat } from "./transcript-format";
import type { TranscriptStore } from "./transcript-store";

export interface TranscriptionServiceOptions {
  engine: Pick<EngineClient<SttMethods>, "call">;
  memory: Pick<MemoryBroker, "makeRoom">;
  jobs: JobQueue;
  events: EventBus;
  audio: AudioLibrary;
  transcripts: TranscriptStore;
  models: SpeechModelSource;
}

export interface TranscribeResult {
  transcriptId: string;
  language: string;
  segments: number;
  windows: number;
  usedVad: boolean;
  /** Where the time went inside the engine (audio decoding, VAD, features, session runs). */
  timings: TranscribeTimings;
}

const NO_VAD = "no VAD model installed, so fixed 30-second windows";
/** The part of a job's progress bar the speech detection takes. */
const VAD_SHARE = 0.1;

/** Transcription jobs, the saved transcripts, their edits and exports, and speech detection. */
export class TranscriptionService {
  constructor(private readonly options: TranscriptionServiceOptions) {}

  async transcribe(request: ParsedRequestOf<"speech.transcribe">): Promise<{ jobId: string }> {
    const { audio, models, jobs } = this.options;
    const item = await audio.get(request.audioId);
    const model = await whisperModelRef(models, request.modelId);
    const vad = await vadModelRef(models);
    const audioPath = await audio.filePath(item.id);
    const job = jobs.enqueue<TranscribeResult>({
      kind: "speech.transcribe",
      engine: "speech",
      title: `Transcribe “${item.name}”`,
      run: async (ctx) => {
        ctx.progress({ fraction: 0, message: vad ? "Finding speech" : `Decoding audio (${NO_VAD})` });
        await this.options.memory.makeRoom("speech", vad ? [model.modelId, vad.modelId] : [model.modelId]);
        const output = await this.options.engine.call(
          "stt.transcribe",
          { audioPath, model, ...(vad ? { vad } : {}), language: request.language, task: request.task },
          { signal: ctx.signal, onEvent: progressReporter(ctx) },
        );
        const now = Date.now();
        const transcript = await this.options.transcripts.save({
          id: newId("transcript"),
          audioId: item.id,
          modelId: model.modelId,
          language: output.language,
          task: request.task,
          segments: output.segments.map((segment, id) => ({ id, ...segment })),
          speech: output.speech,
          createdAt: now,
          updatedAt: now,
        });
        this.options.events.emit("transcript.updated", transcript);
        const { language, windows, usedVad, timings } = output;
        return { transcriptId: transcript.id, language, segments: output.segments.length, windows, usedVad, timings };
      },
    });
    await jobs.persisted([job.id]);
    return { jobId: job.id };
  }

  /** Speech regions by the VAD asked for, or the installed one. */
  async detectSpeech(audioId: string, modelId: string | undefined): Promise<{ speech: TimeSpan[] }> {
    const audioPath = await this.options.audio.filePath(audioId);
    const vad = await vadModelRef(this.options.models, modelId);
    if (!vad) throw new AppError("MODEL_NOT_INSTALLED", "No voice activity detection model is installed: install Silero VAD from the catalog.");
    await this.options.memory.makeRoom("speech", [vad.modelId]);
    const { speech } = await this.options.engine.call("stt.detectSpeech", { audioPath, vad });
    return { speech };
  }

  list(audioId?: string): Promise<Transcript[]> {
    return this.options.transcripts.list(audioId);
  }

  /** Replaces the segments with the edited ones (sorted by time; ids must be unique, ends not before starts). */
  async update(id: string, segments: TranscriptSegment[]): Promise<Transcript> {
    const transcript = await this.options.transcripts.get(id);
    if (new Set(segments.map((segment) => segment.id)).size !== segments.length) throw new AppError("INVALID_INPUT", "Two segments share an id.");
    const backwards = segments.find((segment) => segment.end < segment.start);
    if (backwards) throw new AppError("INVALID_INPUT", `Segment ${backwards.id} ends before it starts.`);
    const sorted = [...segments].sort((a, b) => a.start - b.start || a.id - b.id);
    const updated = await this.options.transcripts.save({ ...transcript, segments: sorted, updatedAt: Math.max(Date.now(), transcript.updatedAt + 1) });
    this.options.events.emit("transcript.updated", updated);
    return updated;
  }

  async export(id: string, format: TranscriptFormat): Promise<{ filename: string; mimeType: string; content: string }> {
    const transcript = await this.options.transcripts.get(id);
    const name = await this.options.audio.get(transcript.audioId).then((item) => item.name, () => transcript.id);
    return exportTranscript(transcript, format, name);
  }

  delete(id: string): Promise<void> {
    return this.options.transcripts.delete(id);
  }

  /** Removes the transcripts of an audio clip that is being deleted. */
  async deleteForAudio(audioId: string): Promise<void> {
    for (const transcript of await this.options.transcripts.list(audioId)) await this.options.transcripts.delete(transcript.id);
  }
}

/** Job progress from the engine's events: the plan, then one step per window. */
function progressReporter(ctx: JobContext): (event: TranscribeEvent) => void {
  let note = "";
  return (event) => {
    if (event.type === "vad") {
      ctx.progress({ fraction: VAD_SHARE * event.fraction, message: `Finding speech (${Math.round(event.fraction * 100)}%)` });
      return;
    }
    if (event.type === "planned") {
      note = event.usedVad ? "" : ` (${NO_VAD})`;
      const found = event.usedVad ? `speech in ${event.speech.length} region${event.speech.length === 1 ? "" : "s"}` : NO_VAD;
      ctx.progress({ fraction: VAD_SHARE, step: 0, total: event.windows, message: `${event.windows} window${event.windows === 1 ? "" : "s"}: ${found}` });
      return;
    }
    const fraction = VAD_SHARE + (0.99 - VAD_SHARE) * (event.window / event.windows);
    ctx.progress({ fraction, step: event.window, total: event.windows, message: `Window ${event.window} of ${event.windows}${note}` });
  };
}
