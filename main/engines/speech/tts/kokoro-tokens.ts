import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";
import type { PhonemeClause } from "./espeak-phonemes";

export type KokoroVocab = ReadonlyMap<string, number>;

/** Kokoro's context is 512 tokens, two of them the padding at either end. */
export const KOKORO_MAX_TOKENS = 510;
const PAD_ID = 0;
const vocabSchema = z.record(z.string(), z.number().int().nonnegative());

/** The phoneme vocabulary: config.json `vocab` (hexgrad layout) or tokenizer.json `model.vocab` (onnx-community). */
export async function readKokoroVocab(folder: string): Promise<KokoroVocab> {
  for (const [file, pick] of [
    ["config.json", (json: Record<string, unknown>) => json.vocab],
    ["tokenizer.json", (json: Record<string, unknown>) => (json.model as Record<string, unknown> | undefined)?.vocab],
  ] as const) {
    const text = await readFile(path.join(folder, file), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const parsed = vocabSchema.safeParse(pick(JSON.parse(text) as Record<string, unknown>));
    if (parsed.success) return new Map(Object.entries(parsed.data).filter(([symbol]) => symbol !== "$"));
  }
  throw new AppError("MODEL_INCOMPATIBLE", `The Kokoro model in ${folder} has no phoneme vocabulary (config.json "vocab" or tokenizer.json).`);
}

/** espeak → Kokoro's phoneme set, after kokoro.js (hexgrad/kokoro): the few symbols it spells differently. */
function kokoroSpelling(phonemes: string): string {
  return phonemes.replace(/ʲ/g, "j").replace(/r/g, "ɹ").replace(/x/g, "k").replace(/ɬ/g, "l");
}

/** Clauses joined with the punctuation Kokoro knows, then spelled Kokoro's way. */
export function kokoroPhonemeString(clauses: readonly PhonemeClause[], vocab: KokoroVocab): string {
  const text = clauses
    .map((clause, index) => {
      const marks = [...clause.punctuation].filter((mark) => vocab.has(mark)).join("");
      return clause.phonemes + marks + (index < clauses.length - 1 ? " " : "");
    })
    .join("");
  return kokoroSpelling(text);
}

/** Token ids padded with 0 at both ends; symbols outside the vocabulary are skipped, long input cut. */
export function kokoroTokenIds(phonemes: string, vocab: KokoroVocab, log: (message: string) => void): number[] {
  const ids: number[] = [];
  const unknown = new Set<string>();
  for (const symbol of phonemes) {
    const id = vocab.get(symbol);
    if (id === undefined) unknown.add(symbol);
    else ids.push(id);
  }
  if (unknown.size > 0) log(`Skipped phonemes Kokoro does not know: ${[...unknown].map((s) => JSON.stringify(s)).join(", ")}`);
  if (ids.length > KOKORO_MAX_TOKENS) {
    log(`Kokoro takes at most ${KOKORO_MAX_TOKENS} phonemes at once; ${ids.length - KOKORO_MAX_TOKENS} were cut.`);
    ids.length = KOKORO_MAX_TOKENS;
  }
  return [PAD_ID, ...ids, PAD_ID];
}
