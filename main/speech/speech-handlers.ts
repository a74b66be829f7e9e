import type { Handlers, HandlersFor } from "../router";
import type { AudioLibrary } from "./audio-library";
import type { TranscriptionService } from "./transcription-service";

/** The audio library channels, and speech detection on a stored clip. */
export function audioHandlers(audio: AudioLibrary, transcription: TranscriptionService): HandlersFor<"audio"> {
  return {
    "audio.import": (request) => audio.import(request),
    "audio.list": () => audio.list(),
    "audio.read": ({ id }) => audio.read(id),
    "audio.delete": async ({ id }) => {
      await audio.get(id);
      await transcription.deleteForAudio(id);
      await audio.delete(id);
      return { deleted: true };
    },
    "audio.detectSpeech": ({ id, modelId }) => transcription.detectSpeech(id, modelId),
  };
}

type TranscriptChannel = "speech.transcribe" | "speech.transcripts" | "speech.updateTranscript" | "speech.exportTranscript" | "speech.deleteTranscript";

/** Transcription as a job, and the saved transcripts. */
export function transcriptHandlers(transcription: TranscriptionService): Pick<Handlers, TranscriptChannel> {
  return {
    "speech.transcribe": (request) => transcription.transcribe(request),
    "speech.transcripts": ({ audioId }) => transcription.list(audioId),
    "speech.updateTranscript": ({ id, segments }) => transcription.update(id, segments),
    "speech.exportTranscript": ({ id, format }) => transcription.export(id, format),
    "speech.deleteTranscript": async ({ id }) => {
      await transcription.delete(id);
      return { deleted: true };
    },
  };
}
