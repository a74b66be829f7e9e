import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../shared/errors";
import { bpe, CLIP_PATTERN, normalizePrompt, parseMerges, toByteSymbols } from "./clip-bpe";

/** CLIP text encoders see exactly this many tokens: BOS, up to 75 prompt tokens, EOS, padding. */
export const CLIP_CONTEXT_LENGTH = 77;
const START_OF_TEXT = "<|startoftext|>";
const END_OF_TEXT = "<|endoftext|>";

const vocabSchema = z.record(z.string(), z.number().int().nonnegative());
/** A token in tokenizer_config.json / special_tokens_map.json: a string or an AddedToken object. */
const tokenSchema = z.union([z.string(), z.object({ content: z.string() })]).optional();
const tokenConfigSchema = z.object({ pad_token: tokenSchema.nullable() }).passthrough();

async function readOptionalJson(file: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

function padTokenOf(json: unknown): string | undefined {
  const parsed = tokenConfigSchema.safeParse(json ?? {});
  const pad = parsed.success ? parsed.data.pad_token : undefined;
  if (pad === undefined || pad === null) return undefined;
  return typeof pad === "string" ? pad : pad.content;
}

/**
 * The CLIP BPE tokenizer of Stable Diffusion's text encoders (openai/CLIP simple_tokenizer,
 * as transformers' CLIPTokenizer runs it): normalize, lower-case, split with CLIP's pattern,
 * byte-level BPE, then BOS … EOS padded to 77 with the tokenizer's pad token.
 */
export class ClipTokenizer {
  private readonly cache = new Map<string, number[]>();

  private constructor(
    private readonly vocab: ReadonlyMap<string, number>,
    private readonly ranks: ReadonlyMap<string, number>,
    readonly bosId: number,
    readonly eosId: number,
    readonly padId: number,
  ) {}

  /** Reads vocab.json, merges.txt and the pad token from tokenizer_config.json or special_tokens_map.json. */
  static async load(dir: string): Promise<ClipTokenizer> {
    try {
      const vocabJson = vocabSchema.parse(JSON.parse(await readFile(path.join(dir, "vocab.json"), "utf8")));
      const ranks = parseMerges(await readFile(path.join(dir, "merges.txt"), "utf8"));
      const padToken =
        padTokenOf(await readOptionalJson(path.join(dir, "tokenizer_config.json"))) ??
        padTokenOf(await readOptionalJson(path.join(dir, "special_tokens_map.json"))) ??
        END_OF_TEXT;
      const vocab = new Map(Object.entries(vocabJson));
      const idOf = (token: string): number => {
        const id = vocab.get(token);
        if (id === undefined) throw new Error(`the vocabulary has no "${token}" token`);
        return id;
      };
      return new ClipTokenizer(vocab, ranks, idOf(START_OF_TEXT), idOf(END_OF_TEXT), idOf(padToken));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError("MODEL_LOAD_FAILED", `The CLIP tokenizer in ${dir} could not be read: ${reason}`);
    }
  }

  /** The prompt's token ids, without BOS/EOS and untruncated. */
  tokenize(text: string): number[] {
    const ids: number[] = [];
    for (const match of normalizePrompt(text).matchAll(CLIP_PATTERN)) ids.push(...this.pretokenIds(match[0]));
    return ids;
  }

  /** Exactly 77 ids: BOS, the first 75 prompt tokens, EOS, then the pad token. */
  encode(text: string): number[] {
    const body = this.tokenize(text).slice(0, CLIP_CONTEXT_LENGTH - 2);
    const ids = [this.bosId, ...body, this.eosId];
    while (ids.length < CLIP_CONTEXT_LENGTH) ids.push(this.padId);
    return ids;
  }

  private pretokenIds(pretoken: string): number[] {
    if (pretoken === START_OF_TEXT) return [this.bosId];
    if (pretoken === END_OF_TEXT) return [this.eosId];
    const cached = this.cache.get(pretoken);
    if (cached) return cached;
    const ids = bpe(toByteSymbols(pretoken), this.ranks).map((symbol) => {
      const id = this.vocab.get(symbol);
      // Every byte and byte+</w> is in CLIP's vocabulary, so BPE output always resolves.
      if (id === undefined) throw new AppError("MODEL_INCOMPATIBLE", `The tokenizer vocabulary lacks the BPE symbol "${symbol}"`);
      return id;
    });
    this.cache.set(pretoken, ids);
    return ids;
  }
}
