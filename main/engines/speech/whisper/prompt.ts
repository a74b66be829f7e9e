import { AppError } from "../../../../shared/errors";
import type { WhisperSpec } from "./whisper-config";

export type WhisperTask = "transcribe" | "translate";

/**
 * Checks a language/task request against what the model can do. English-only models
 * (".en") transcribe English and nothing else; "auto" means: detect (multilingual only).
 */
export function checkRequest(spec: WhisperSpec, language: string, task: WhisperTask): void {
  if (!spec.multilingual) {
    if (language !== "auto" && language !== "en") {
      throw new AppError("UNSUPPORTED", `This Whisper model is English-only; it cannot transcribe "${language}". Choose a multilingual model.`);
    }
    if (task === "translate") throw new AppError("UNSUPPORTED", "This Whisper model is English-only and cannot translate. Choose a multilingual model.");
    return;
  }
  if (language !== "auto" && !spec.specials.languages.has(language)) {
    throw new AppError("INVALID_INPUT", `This Whisper model does not know the language "${language}".`);
  }
  const taskToken = task === "translate" ? spec.specials.translate : spec.specials.transcribe;
  if (taskToken === undefined) throw new AppError("MODEL_INCOMPATIBLE", `This Whisper model has no <|${task}|> token.`);
}

/**
 * The decoder prompt for one window, with timestamps on (no `<|notimestamps|>`):
 * multilingual `<|startoftranscript|><|xx|><|task|>`, English-only `<|startoftranscript|>`.
 */
export function promptTokens(spec: WhisperSpec, language: string, task: WhisperTask): number[] {
  const { sot, languages, translate, transcribe } = spec.specials;
  if (!spec.multilingual) return [sot];
  const languageToken = languages.get(language);
  const taskToken = task === "translate" ? translate : transcribe;
  if (languageToken === undefined || taskToken === undefined) {
    throw new AppError("INVALID_INPUT", `No prompt for language "${language}" and task "${task}".`);
  }
  return [sot, languageToken, taskToken];
}

/** The language whose token scores highest right after `<|startoftranscript|>`. */
export function mostLikelyLanguage(spec: WhisperSpec, logits: Float32Array): string {
  let best = "en";
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const [code, id] of spec.specials.languages) {
    const score = logits[id] ?? Number.NEGATIVE_INFINITY;
    if (score > bestScore) {
      bestScore = score;
      best = code;
    }
  }
  return best;
}
