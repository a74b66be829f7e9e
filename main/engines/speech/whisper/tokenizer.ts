import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";

const vocabSchema = z.record(z.string(), z.number().int().nonnegative());
const tokenizerJsonSchema = z.object({
  model: z.object({ vocab: vocabSchema }).partial().optional(),
  added_tokens: z.array(z.object({ id: z.number().int().nonnegative(), content: z.string() })).optional(),
});
const specialTokensMapSchema = z.object({ additional_special_tokens: z.array(z.union([z.string(), z.object({ content: z.string() })])) });

/** GPT-2's byte ↔ printable-character table, which byte-level BPE vocabularies are written in. */
function unicodeToByte(): Map<string, number> {
  const bytes: number[] = [];
  for (let b = 33; b <= 126; b++) bytes.push(b);
  for (let b = 161; b <= 172; b++) bytes.push(b);
  for (let b = 174; b <= 255; b++) bytes.push(b);
  const chars = [...bytes];
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (bytes.includes(b)) continue;
    bytes.push(b);
    chars.push(256 + extra++);
  }
  return new Map(bytes.map((byte, i) => [String.fromCodePoint(chars[i] ?? byte), byte]));
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8")) as unknown;
}

async function readOptionalJson(file: string): Promise<unknown> {
  try {
    return await readJson(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Whisper's byte-level BPE vocabulary, for turning generated ids back into text (the app
 * never encodes text for Whisper). Reads `vocab.json` or `tokenizer.json`; special tokens
 * come from `added_tokens.json`, `tokenizer.json`, or — as Hugging Face's slow tokenizer
 * numbers them — `special_tokens_map.json`'s list appended after the vocabulary.
 */
export class WhisperTokenizer {
  private static readonly bytesOf = unicodeToByte();
  private readonly decoder = new TextDecoder("utf-8", { fatal: false });
  private readonly specialIds: Set<number>;

  private constructor(
    private readonly tokens: Map<number, string>,
    private readonly special: Map<string, number>,
  ) {
    this.specialIds = new Set(special.values());
  }

  static async load(dir: string): Promise<WhisperTokenizer> {
    const tokenizerJson = tokenizerJsonSchema.safeParse(await readOptionalJson(path.join(dir, "tokenizer.json")));
    const vocabRaw = (await readOptionalJson(path.join(dir, "vocab.json"))) ?? (tokenizerJson.success ? tokenizerJson.data.model?.vocab : undefined);
    const vocab = vocabSchema.safeParse(vocabRaw);
    if (!vocab.success) throw new AppError("MODEL_INCOMPATIBLE", "This Whisper model has no readable vocab.json or tokenizer.json.");
    const tokens = new Map<number, string>(Object.entries(vocab.data).map(([token, id]) => [id, token]));
    const special = new Map<string, number>();
    const added = vocabSchema.safeParse(await readOptionalJson(path.join(dir, "added_tokens.json")));
    if (added.success) for (const [content, id] of Object.entries(added.data)) special.set(content, id);
    else if (tokenizerJson.success && tokenizerJson.data.added_tokens) {
      for (const token of tokenizerJson.data.added_tokens) special.set(token.content, token.id);
    } else {
      const map = specialTokensMapSchema.safeParse(await readOptionalJson(path.join(dir, "special_tokens_map.json")));
      let next = Math.max(...tokens.keys()) + 1;
      for (const entry of map.success ? map.data.additional_special_tokens : []) {
        const content = typeof entry === "string" ? entry : entry.content;
        if (!special.has(content) && !Object.hasOwn(vocab.data, content)) special.set(content, next++);
      }
    }
    const eot = vocab.data["<|endoftext|>"];
    if (eot !== undefined && !special.has("<|endoftext|>")) special.set("<|endoftext|>", eot);
    for (const [content, id] of special) tokens.set(id, content);
    return new WhisperTokenizer(tokens, special);
  }

  /** The id of a special token such as `<|translate|>`, if the vocabulary has it. */
  specialId(content: string): number | undefined {
    return this.special.get(content);
  }

  /** Every special token, e.g. to find the language tokens. */
  specialTokens(): ReadonlyMap<string, number> {
    return this.special;
  }

  /** Text of ordinary tokens; special and unknown ids are skipped. */
  decode(ids: readonly number[]): string {
    const bytes: number[] = [];
    for (const id of ids) {
      if (this.specialIds.has(id)) continue;
      const token = this.tokens.get(id);
      if (token === undefined) continue;
      for (const char of token) {
        const byte = WhisperTokenizer.bytesOf.get(char);
        if (byte !== undefined) bytes.push(byte);
      }
    }
    return this.decoder.decode(Uint8Array.from(bytes));
  }
}
