import path from "node:path";
import type { EngineClient } from "../engines/protocol";
import type { SpeechMethods } from "../engines/speech/methods";
import type { EventBus } from "../events/bus";
import type { JobQueue } from "../jobs/job-queue";
import type { Logger } from "../log/types";
import type { MemoryBroker } from "../models/memory-broker";
import type { HandlersFor } from "../router";
import { AudioLibrary } from "./audio-library";
import { audioHandlers, transcriptHandlers } from "./speech-handlers";
import type { SpeechModelSource } from "./speech-models";
import { TranscriptStore } from "./transcript-store";
import { TranscriptionService } from "./transcription-service";
import { ttsHandlers } from "./tts-handlers";
import { TtsService } from "./tts-service";

export interface SpeechStudioOptions {
  dataDir: string;
  /** The speech engine (the host's engine fleet starts, configures, watches and stops it). */
  engine: EngineClient<SpeechMethods>;
  memory: Pick<MemoryBroker, "makeRoom">;
  events: EventBus;
  jobs: JobQueue;
  models: SpeechModelSource;
  logger: Logger;
}

export interface SpeechStudio {
  handlers: HandlersFor<"audio"> & HandlersFor<"speech">;
  audio: AudioLibrary;
}

/**
 * The services on the speech engine: the audio library
 * (`<data>/library/audio/`), transcription with its transcripts
 * (`<data>/library/transcripts/`) and the voices.
 */
export function createSpeechStudio(options: SpeechStudioOptions): SpeechStudio {
  const { engine, memory, events, jobs, logger, models } = options;
  const libraryDir = path.join(options.dataDir, "library");
  const audio = new AudioLibrary(path.join(libraryDir, "audio"), events, logger);
  const transcripts = new TranscriptStore(path.join(libraryDir, "transcripts"), logger);
  const transcription = new TranscriptionService({ engine, memory, jobs, events, audio, transcripts, models });
  const tts = new TtsService({ engine, memory, jobs, events, models, clips: audio, logger });
  return {
    handlers: { ...audioHandlers(audio, transcription), ...transcriptHandlers(transcription), ...ttsHandlers(tts) },
    audio,
  };
}
