/** Longest piece synthesized at once: keeps Kokoro under its 510-phoneme context and the first audio quick. */
export const MAX_PIECE_CHARS = 400;

const HAS_WORDS = /[\p{L}\p{N}]/u;
/** Titles after which ICU (without break suppressions in Node) wrongly ends a sentence. */
const TITLE_AT_END = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Mt|vs)\.$/;
/** Where a long sentence may be split: after a clause mark and its space. */
const CLAUSE_BREAK = /(?<=[,;:\u2014\u2013)])\s+/u;

/**
 * Splits text into the pieces spoken one by one: sentences (Intl.Segmenter), with sentences
 * longer than `maxChars` split at commas and other clause marks, then at spaces. Pieces
 * without a letter or digit (a stray "…") join the piece before them.
 */
export function splitSentences(text: string, language = "en", maxChars = MAX_PIECE_CHARS): string[] {
  const segmenter = new Intl.Segmenter(safeLocale(language), { granularity: "sentence" });
  const sentences: string[] = [];
  let carried = "";
  for (const { segment } of segmenter.segment(text.replace(/\s+/g, " "))) {
    const sentence = (carried + segment).trim();
    carried = "";
    if (!sentence) continue;
    if (TITLE_AT_END.test(sentence)) carried = `${sentence} `;
    else if (!HAS_WORDS.test(sentence) && sentences.length > 0) sentences[sentences.length - 1] += ` ${sentence}`;
    else sentences.push(sentence);
  }
  if (carried.trim()) sentences.push(carried.trim());
  return sentences.filter((sentence) => HAS_WORDS.test(sentence)).flatMap((sentence) => splitLong(sentence, maxChars));
}

function splitLong(sentence: string, maxChars: number): string[] {
  if (sentence.length <= maxChars) return [sentence];
  return pack(sentence.split(CLAUSE_BREAK), maxChars, " ").flatMap((part) => (part.length <= maxChars ? [part] : splitAtSpaces(part, maxChars)));
}

function splitAtSpaces(text: string, maxChars: number): string[] {
  const words = text.split(" ").flatMap((word) => (word.length <= maxChars ? [word] : chop(word, maxChars)));
  return pack(words, maxChars, " ");
}

/** Greedily joins parts while the result stays within `maxChars`. */
function pack(parts: readonly string[], maxChars: number, joiner: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const part of parts) {
    if (!part) continue;
    if (current && current.length + joiner.length + part.length > maxChars) {
      out.push(current);
      current = part;
    } else {
      current = current ? current + joiner + part : part;
    }
  }
  if (current) out.push(current);
  return out;
}

function chop(word: string, maxChars: number): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += maxChars) out.push(chars.slice(i, i + maxChars).join(""));
  return out;
}

function safeLocale(language: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf([language])[0] ?? "en";
  } catch {
    return "en";
  }
}
