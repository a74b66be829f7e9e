import type { StateCreator } from "zustand";
import type { EventPayload } from "../../../shared/contract";
import type { Voice } from "../../../shared/speech";
import type { AppState } from "./app-state";

export type SpeechChunk = EventPayload<"speech.chunk">;

/** How many speak jobs' sentences are held at once. */
const KEPT_JOBS = 3;

export interface SpeakForm {
  text: string;
  /** An installed voice, or "" before one is chosen. */
  voiceId: string;
  /** A speaker of a multi-speaker voice; "" for the voice's default. */
  speaker: string;
  speed: number;
  format: "wav" | "mp3" | "ogg";
}

export interface VoicesSlice {
  voices: Voice[];
  /** False until the first list arrives. */
  voicesKnown: boolean;
  /** Sentences synthesized so far, by speak job, waiting to be played. */
  speechChunks: Record<string, SpeechChunk[]>;
  setVoices(voices: Voice[]): void;
  putSpeechChunk(chunk: SpeechChunk): void;
  /** Frees a job's sentence audio once it has been played (or is no longer wanted). */
  clearSpeechChunks(jobId: string): void;
  /** The Speak form, kept while other panels are shown. */
  speakForm: SpeakForm;
  /** The latest speak job, whose sentences play as they arrive. */
  speakJobId: string | null;
  setSpeakForm(patch: Partial<SpeakForm>): void;
  setSpeakJob(jobId: string | null): void;
}

export const createVoicesSlice: StateCreator<AppState, [], [], VoicesSlice> = (set) => ({
  voices: [],
  voicesKnown: false,
  speechChunks: {},
  speakForm: { text: "", voiceId: "", speaker: "", speed: 1, format: "wav" },
  speakJobId: null,
  setSpeakForm: (patch) => set((state) => ({ speakForm: { ...state.speakForm, ...patch } })),
  setSpeakJob: (speakJobId) => set({ speakJobId }),
  setVoices: (voices) => set({ voices, voicesKnown: true }),
  putSpeechChunk: (chunk) =>
    set((state) => {
      const known = state.speechChunks[chunk.jobId] ?? [];
      if (known.some((existing) => existing.index === chunk.index)) return state;
      // Jobs started in another window are never played here: keep only the latest few.
      const others = Object.entries(state.speechChunks).filter(([jobId]) => jobId !== chunk.jobId).slice(-(KEPT_JOBS - 1));
      return { speechChunks: { ...Object.fromEntries(others), [chunk.jobId]: [...known, chunk] } };
    }),
  clearSpeechChunks: (jobId) =>
    set((state) => {
      if (!state.speechChunks[jobId]) return state;
      const { [jobId]: _dropped, ...rest } = state.speechChunks;
      return { speechChunks: rest };
    }),
});
