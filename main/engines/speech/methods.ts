import type { CacheMethods } from "../cache-methods";
import type { SttMethods } from "./stt-methods";
import type { TtsMethods } from "./tts/tts-methods";

/**
 * Every method of the speech engine process, by prefix: `stt.*` (transcription and VAD,
 * stt-methods.ts) and `tts.*` (voices, tts/tts-methods.ts), plus the cache methods covering both.
 */
export type SpeechMethods = SttMethods & TtsMethods & CacheMethods;
