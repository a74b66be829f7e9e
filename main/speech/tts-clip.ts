import { encodeWav } from "../audio/wav";
import { transcodeAudio } from "../audio/transcode";

export type SpeechFormat = "wav" | "mp3" | "ogg";

export const SPEECH_MIME_TYPES: Readonly<Record<SpeechFormat, string>> = { wav: "audio/wav", mp3: "audio/mpeg", ogg: "audio/ogg" };

/** Silence after each sentence but the last: Piper's own default sentence_silence. */
export const SENTENCE_PAUSE_SECONDS = 0.2;

/**
 * A sentence's samples with the pause that follows it, so the chunks played in a row sound like
 * the whole clip. A silent last sentence still gets the pause: a WAV without samples plays nowhere.
 */
export function withPause(samples: Float32Array, sampleRate: number, last: boolean): Float32Array {
  if (last && samples.length > 0) return samples;
  const padded = new Float32Array(samples.length + Math.round(SENTENCE_PAUSE_SECONDS * sampleRate));
  padded.set(samples);
  return padded;
}

export function wavDataUrl(samples: Float32Array, sampleRate: number): string {
  return `data:audio/wav;base64,${encodeWav(samples, sampleRate).toString("base64")}`;
}

/** The clip's file bytes: a 16-bit WAV, or MP3 / OGG Vorbis through the bundled ffmpeg. */
export async function encodeClip(samples: Float32Array, sampleRate: number, format: SpeechFormat, signal?: AbortSignal): Promise<Buffer> {
  const wav = encodeWav(samples, sampleRate);
  return format === "wav" ? wav : transcodeAudio(wav, format, signal);
}
