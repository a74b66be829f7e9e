import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../shared/errors";
import type { ModelFamily } from "../../shared/families";
import type { ModelInfo } from "../../shared/models";
import type { SttModelRef, VadModelRef } from "../engines/speech/stt-methods";

/** The installed models, as the model service lists them. */
export interface SpeechModelSource {
  get(id: string): Promise<ModelInfo>;
  list(): Promise<ModelInfo[]>;
}

function requireFamily(model: ModelInfo, family: ModelFamily, what: string): void {
  if (model.family !== family || model.format !== "onnx") {
    throw new AppError("MODEL_INCOMPATIBLE", `"${model.name}" is a ${model.family} model (${model.format}), not ${what}.`);
  }
}

/** An installed Whisper model (family stt, ONNX folder) by id. */
export async function whisperModelRef(models: SpeechModelSource, id: string): Promise<SttModelRef> {
  const model = await models.get(id);
  requireFamily(model, "stt", "a speech-to-text (Whisper ONNX) model");
  return { modelId: model.id, dir: model.path };
}

/** The Silero .onnx in a VAD model's folder (or the file itself). */
async function vadFile(model: ModelInfo): Promise<string> {
  if ((await stat(model.path).catch(() => undefined))?.isFile()) return model.path;
  for (const folder of [model.path, path.join(model.path, "onnx")]) {
    const names = (await readdir(folder).catch(() => [])).filter((name) => name.toLowerCase().endsWith(".onnx")).sort();
    const chosen = names.find((name) => name.toLowerCase().includes("silero")) ?? names[0];
    if (chosen) return path.join(folder, chosen);
  }
  throw new AppError("MODEL_INCOMPATIBLE", `"${model.name}" has no .onnx file to run as a VAD.`);
}

/**
 * The VAD to use: the one asked for (family vad), else the first installed one, else none
 * (transcription then falls back to fixed 30-second windows).
 */
export async function vadModelRef(models: SpeechModelSource, id?: string): Promise<VadModelRef | undefined> {
  let model: ModelInfo | undefined;
  if (id !== undefined) {
    model = await models.get(id);
    requireFamily(model, "vad", "a voice activity detection (Silero VAD) model");
  } else {
    model = (await models.list()).find((candidate) => candidate.family === "vad" && candidate.format === "onnx");
  }
  return model ? { modelId: model.id, file: await vadFile(model) } : undefined;
}
