import { readFile } from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";
import { installOnnxModel } from "../models/testing/install-onnx-model";
import { SILERO_ONNX } from "../engines/speech/stt-test-kit";

/** Test support for the speech studio: real audio and models from ../shared/models, and the tiny fixtures. */

export { JFK_WAV, SILERO_ONNX } from "../engines/speech/stt-test-kit";

export async function fileDataUrl(file: string, mimeType: string): Promise<string> {
  return `data:${mimeType};base64,${(await readFile(file)).toString("base64")}`;
}

/** The speech models host tests install, by the id each gets. */
export type SpeechTestModel = "whisper-tiny-en" | "silero-vad" | "en-us-tiny" | "kokoro-tiny";

/** Installs the named models into a data dir, as downloads would (folder + manifest). */
export async function installSpeechModels(dataDir: string, models: readonly SpeechTestModel[]): Promise<void> {
  const fixtures = inject("speechFixtures");
  const sources: Record<SpeechTestModel, { source: string; family: "stt" | "vad" | "tts" }> = {
    "whisper-tiny-en": { source: fixtures.whisperTinyEn, family: "stt" },
    "silero-vad": { source: SILERO_ONNX, family: "vad" },
    "en-us-tiny": { source: path.dirname(fixtures.piperVoice.onnx), family: "tts" },
    "kokoro-tiny": { source: fixtures.kokoro, family: "tts" },
  };
  for (const id of models) await installOnnxModel(dataDir, sources[id].source, { id, family: sources[id].family });
}
