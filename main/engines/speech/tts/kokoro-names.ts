/** Kokoro facts the host needs too, kept apart from the model code (which loads onnxruntime and espeak). */

export const KOKORO_SAMPLE_RATE = 24_000;
export const KOKORO_DEFAULT_VOICE = "af_heart";

/** Kokoro voice names start with a language letter (hexgrad/Kokoro-82M VOICES.md) → espeak-ng voice. */
const ESPEAK_BY_PREFIX: Readonly<Record<string, string>> = {
  a: "en-us", b: "en", e: "es", f: "fr", h: "hi", i: "it", p: "pt-br", j: "ja", z: "cmn",
};

export function kokoroEspeakVoice(voice: string): string {
  return ESPEAK_BY_PREFIX[voice.charAt(0)] ?? "en-us";
}

/** Whether the built-in (English-only) phonemizer can speak a Kokoro voice. */
export function kokoroVoiceIsEnglish(voice: string): boolean {
  return voice.startsWith("a") || voice.startsWith("b");
}
