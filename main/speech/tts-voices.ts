import { AppError } from "../../shared/errors";
import type { ModelInfo } from "../../shared/models";
import type { Voice } from "../../shared/speech";
import { KOKORO_SAMPLE_RATE, kokoroVoiceIsEnglish } from "../engines/speech/tts/kokoro-names";
import { readPiperConfig } from "../engines/speech/tts/piper-config";
import { findVoiceLayout, kokoroVoiceNames } from "../engines/speech/tts/voice-layout";
import type { Logger } from "../log/types";

/**
 * A TTS model as the voice picker shows it, read from its files: a Piper voice from its
 * `.onnx.json` (language, sample rate, speakers of multi-speaker voices), a Kokoro model with
 * its voices as speakers (the English ones: the built-in phonemizer speaks only English).
 */
export async function describeVoice(model: ModelInfo): Promise<Voice> {
  if (model.family !== "tts" || model.format !== "onnx") {
    throw new AppError("MODEL_INCOMPATIBLE", `"${model.name}" is a ${model.family} model (${model.format}), not a text-to-speech voice.`);
  }
  const layout = await findVoiceLayout(model.path);
  if (layout.kind === "piper") {
    const config = await readPiperConfig(layout.json);
    return {
      id: model.id,
      name: model.name,
      engine: "piper",
      language: config.language,
      sampleRate: config.sampleRate,
      speakers: config.numSpeakers > 1 ? [...config.speakers] : [],
    };
  }
  const names = await kokoroVoiceNames(layout.voicesDir);
  return {
    id: model.id,
    name: model.name,
    engine: "kokoro",
    language: "en",
    sampleRate: KOKORO_SAMPLE_RATE,
    speakers: names.filter(kokoroVoiceIsEnglish),
  };
}

/** Every installed TTS model that reads as a voice; the others are logged and left out. */
export async function listVoices(models: readonly ModelInfo[], logger: Logger): Promise<Voice[]> {
  const voices: Voice[] = [];
  for (const model of models) {
    if (model.family !== "tts") continue;
    try {
      voices.push(await describeVoice(model));
    } catch (error) {
      logger.log("warn", "tts", `Skipped voice ${model.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return voices;
}
