import type { PhonemeClause } from "./espeak-phonemes";

export type PhonemeIdMap = Readonly<Record<string, readonly number[]>>;

/** Piper's special symbols: padding (between every phoneme), beginning and end of sentence. */
const PAD = "_";
const BOS = "^";
const EOS = "$";
/** The ids piper-phonemize falls back to when a map lacks a special symbol. */
const DEFAULT_SPECIAL: Readonly<Record<string, number>> = { [PAD]: 0, [BOS]: 1, [EOS]: 2 };

/**
 * Clause phonemes joined as piper-phonemize does from espeak's clause terminators: each clause
 * followed by its mark, a space after a comma, colon or semicolon, and a space between sentences.
 * A run of marks counts as its first Piper mark; an ellipsis as a period, a dash as a comma.
 * The result is NFD-normalized as Piper does (e.g. "ç" becomes "c" + U+0327).
 */
export function piperPhonemeString(clauses: readonly PhonemeClause[]): string {
  return clauses
    .map((clause, index) => {
      const mark = clauseMark(clause.punctuation);
      const space = (mark !== "" && ",:;".includes(mark)) || index < clauses.length - 1;
      return clause.phonemes + mark + (space ? " " : "");
    })
    .join("")
    .normalize("NFD");
}

function clauseMark(punctuation: string): string {
  const mark = [...punctuation].find((char) => ".,:;?!".includes(char));
  if (mark) return mark;
  if (punctuation.includes("\u2026")) return ".";
  return punctuation ? "," : "";
}

/**
 * Phonemes → ids exactly as Piper: `^`, `_`, then each phoneme's ids followed by `_`, then `$`.
 * Phonemes are code points; one the map lacks is skipped and reported through `onUnknown`.
 */
export function piperPhonemeIds(phonemes: string, map: PhonemeIdMap, onUnknown: (symbol: string) => void): number[] {
  const special = (symbol: string): readonly number[] => map[symbol] ?? [DEFAULT_SPECIAL[symbol] ?? 0];
  const pad = special(PAD);
  const ids = [...special(BOS), ...pad];
  for (const symbol of phonemes) {
    const symbolIds = Object.hasOwn(map, symbol) ? map[symbol] : undefined;
    if (!symbolIds) {
      onUnknown(symbol);
      continue;
    }
    ids.push(...symbolIds, ...pad);
  }
  ids.push(...special(EOS));
  return ids;
}
