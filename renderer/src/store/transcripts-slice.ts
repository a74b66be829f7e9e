import type { StateCreator } from "zustand";
import type { Transcript } from "../../../shared/speech";
import type { AppState } from "./app-state";

export interface TranscribeForm {
  /** An installed speech-to-text model, or "" before one is chosen. */
  modelId: string;
  /** "auto" or an ISO 639-1 code. */
  language: string;
  task: "transcribe" | "translate";
}

export interface TranscriptsSlice {
  /** Transcripts by id; a clip may have several (one per run). */
  transcripts: Record<string, Transcript>;
  /** Replaces what is known about one clip's transcripts with the host's list. */
  setClipTranscripts(audioId: string, transcripts: Transcript[]): void;
  /** Keeps whichever copy is newer, so a late event cannot undo a saved edit. */
  putTranscript(transcript: Transcript): void;
  removeTranscript(id: string): void;
  /** The Transcribe form, kept while other panels are shown. */
  transcribeForm: TranscribeForm;
  /** The latest transcription job of each clip, by clip id. */
  transcribeJobs: Record<string, string>;
  setTranscribeForm(patch: Partial<TranscribeForm>): void;
  setTranscribeJob(audioId: string, jobId: string): void;
}

/** The clip's most recent transcript: the one the Transcribe tab shows. */
export function latestTranscript(transcripts: Record<string, Transcript>, audioId: string | null): Transcript | null {
  let latest: Transcript | null = null;
  for (const transcript of Object.values(transcripts)) {
    if (transcript.audioId !== audioId) continue;
    if (!latest || transcript.createdAt > latest.createdAt) latest = transcript;
  }
  return latest;
}

export const createTranscriptsSlice: StateCreator<AppState, [], [], TranscriptsSlice> = (set) => ({
  transcripts: {},
  transcribeForm: { modelId: "", language: "auto", task: "transcribe" },
  transcribeJobs: {},
  setTranscribeForm: (patch) => set((state) => ({ transcribeForm: { ...state.transcribeForm, ...patch } })),
  setTranscribeJob: (audioId, jobId) => set((state) => ({ transcribeJobs: { ...state.transcribeJobs, [audioId]: jobId } })),
  setClipTranscripts: (audioId, list) =>
    set((state) => {
      const others = Object.values(state.transcripts).filter((transcript) => transcript.audioId !== audioId);
      return { transcripts: Object.fromEntries([...others, ...list].map((transcript) => [transcript.id, transcript])) };
    }),
  putTranscript: (transcript) =>
    set((state) => {
      const known = state.transcripts[transcript.id];
      if (known && known.updatedAt > transcript.updatedAt) return state;
      return { transcripts: { ...state.transcripts, [transcript.id]: transcript } };
    }),
  removeTranscript: (id) =>
    set((state) => {
      if (!state.transcripts[id]) return state;
      const { [id]: _dropped, ...rest } = state.transcripts;
      return { transcripts: rest };
    }),
});
