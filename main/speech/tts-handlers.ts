import type { Handlers } from "../router";
import type { TtsService } from "./tts-service";

/** The text-to-speech channels: the voice list and speaking as a job. */
export function ttsHandlers(tts: TtsService): Pick<Handlers, "speech.voices" | "speech.speak"> {
  return {
    "speech.voices": () => tts.voices(),
    "speech.speak": (request) => tts.speak(request),
  };
}
