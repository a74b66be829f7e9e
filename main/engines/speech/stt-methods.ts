import type { TimeSpan } from "../../../shared/speech";
import type { EngineMethod } from "../protocol";
import type { TimedText } from "./whisper/segments";

/** An installed Whisper model: its id (cache key) and folder (Hugging Face ONNX layout). */
export interface SttModelRef {
  modelId: string;
  dir: string;
}

/** An installed Silero VAD model: its id and .onnx file. */
export interface VadModelRef {
  modelId: string;
  file: string;
}

export interface DetectSpeechInput {
  /** Any audio file ffmpeg decodes. */
  audioPath: string;
  vad: VadModelRef;
}

export interface DetectSpeechOutput {
  speech: TimeSpan[];
  durationSeconds: number;
}

export interface TranscribeInput {
  audioPath: string;
  model: SttModelRef;
  /** Without one, long audio is cut into fixed 30-second windows. */
  vad?: VadModelRef;
  /** ISO 639-1, or "auto" to detect (multilingual models). */
  language: string;
  task: "transcribe" | "translate";
}

export type TranscribeEvent =
  | { type: "vad"; fraction: number }
  | { type: "planned"; windows: number; usedVad: boolean; speech: TimeSpan[] }
  | { type: "window"; window: number; windows: number; language: string; segments: TimedText[] };

export interface TranscribeTimings {
  /** From the call's start to its result, inside the worker. */
  totalMs: number;
  /** Inside the Whisper sessions' run() calls. */
  whisperRunMs: number;
  whisperRuns: number;
  featuresMs: number;
  decodeAudioMs: number;
  vadMs: number;
}

export interface TranscribeOutput {
  language: string;
  segments: TimedText[];
  /** Speech regions found by the VAD (empty without one). */
  speech: TimeSpan[];
  usedVad: boolean;
  windows: number;
  durationSeconds: number;
  timings: TranscribeTimings;
}

export type SttMethods = {
  "stt.detectSpeech": EngineMethod<DetectSpeechInput, DetectSpeechOutput, { fraction: number }>;
  "stt.transcribe": EngineMethod<TranscribeInput, TranscribeOutput, TranscribeEvent>;
};
