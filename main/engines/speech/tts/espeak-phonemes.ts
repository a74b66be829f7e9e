import { phonemize } from "phonemizer";
import { AppError } from "../../../../shared/errors";

/** A clause's IPA phonemes and the punctuation run that ended it ("" for the last words). */
export interface PhonemeClause {
  phonemes: string;
  punctuation: string;
}

/** Punctuation that ends a clause when a space or the end follows (so "5.50" and "e.g" stay whole). */
const CLAUSE_END = /([.,;:!?\u2026\u2014]+)(?=\s|$)/u;
/** espeak's language-switch flags, e.g. "(fr)": Piper drops them, so do we. */
const LANGUAGE_FLAG = /\([a-z]{2,3}(?:-[a-z0-9-]+)?\)/g;

/**
 * Phonemizes `text` clause by clause with espeak-ng (the `phonemizer` WASM build), keeping the
 * punctuation espeak itself drops, as piper-phonemize does from espeak's clause terminators.
 */
export async function phonemizeClauses(text: string, espeakVoice: string): Promise<PhonemeClause[]> {
  const parts = text.split(CLAUSE_END);
  const clauses: PhonemeClause[] = [];
  for (let index = 0; index < parts.length; index += 2) {
    const words = (parts[index] ?? "").trim();
    const punctuation = parts[index + 1] ?? "";
    const phonemes = words ? await espeak(words, espeakVoice) : "";
    if (phonemes) clauses.push({ phonemes, punctuation });
  }
  return clauses;
}

async function espeak(words: string, espeakVoice: string): Promise<string> {
  let lines: string[];
  try {
    lines = await phonemize(words, espeakVoice.toLowerCase());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith("Invalid language identifier")) {
      throw new AppError(
        "UNSUPPORTED",
        `This voice speaks "${espeakVoice}", but the built-in espeak-ng phonemizer only has English voices.`,
      );
    }
    throw new AppError("INTERNAL", `espeak-ng could not phonemize the text: ${message}`);
  }
  return lines.join(" ").replace(LANGUAGE_FLAG, "").replace(/\s+/g, " ").trim();
}
