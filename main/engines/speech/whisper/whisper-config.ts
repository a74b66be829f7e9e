import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";
import type { WhisperTokenizer } from "./tokenizer";

const ids = z.array(z.number().int().nonnegative());
const configSchema = z.object({
  d_model: z.number().int().positive(),
  decoder_layers: z.number().int().positive(),
  decoder_attention_heads: z.number().int().positive(),
  vocab_size: z.number().int().positive(),
  num_mel_bins: z.number().int().positive().default(80),
  max_target_positions: z.number().int().positive().default(448),
});
const generationSchema = z.object({
  decoder_start_token_id: z.number().int().optional(),
  eos_token_id: z.number().int().optional(),
  no_timestamps_token_id: z.number().int().optional(),
  is_multilingual: z.boolean().optional(),
  lang_to_id: z.record(z.string(), z.number().int()).optional(),
  task_to_id: z.record(z.string(), z.number().int()).optional(),
  suppress_tokens: ids.default([]),
  begin_suppress_tokens: ids.default([]),
  max_initial_timestamp_index: z.number().int().nonnegative().optional(),
  max_length: z.number().int().positive().optional(),
});

/** Special token ids of one Whisper vocabulary. */
export interface WhisperSpecials {
  sot: number;
  eot: number;
  noTimestamps: number;
  /** `<|0.00|>`; every id from here on is a timestamp, 0.02 s apart. */
  timestampBegin: number;
  translate: number | undefined;
  transcribe: number | undefined;
  /** ISO 639-1 code → language token id. */
  languages: ReadonlyMap<string, number>;
}

/** What the decode loop needs to know about a Whisper model, from its config files. */
export interface WhisperSpec {
  multilingual: boolean;
  decoderLayers: number;
  decoderHeads: number;
  headDim: number;
  vocabSize: number;
  melBins: number;
  /** Prompt plus generated tokens per window (448). */
  maxLength: number;
  specials: WhisperSpecials;
  suppressTokens: readonly number[];
  beginSuppressTokens: readonly number[];
  maxInitialTimestampIndex: number;
}

async function parseJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch (error) {
    throw new AppError("MODEL_INCOMPATIBLE", `This Whisper model's ${path.basename(file)} could not be read (${String(error)}).`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("MODEL_INCOMPATIBLE", `This Whisper model's ${path.basename(file)} is invalid: ${issue?.path.join(".")} ${issue?.message}`);
  }
  return parsed.data;
}

const LANGUAGE_TOKEN = /^<\|([a-z]{2,3})\|>$/;

function required(value: number | undefined, name: string): number {
  if (value === undefined) throw new AppError("MODEL_INCOMPATIBLE", `This Whisper model's tokenizer has no ${name} token.`);
  return value;
}

export async function loadWhisperSpec(dir: string, tokenizer: WhisperTokenizer): Promise<WhisperSpec> {
  const config = await parseJsonFile(path.join(dir, "config.json"), configSchema);
  const generation = await parseJsonFile(path.join(dir, "generation_config.json"), generationSchema);
  const special = (content: string): number | undefined => tokenizer.specialId(content);
  const noTimestamps = required(generation.no_timestamps_token_id ?? special("<|notimestamps|>"), "<|notimestamps|>");
  const languages = new Map<string, number>();
  const fromGeneration = generation.lang_to_id ? Object.entries(generation.lang_to_id) : [...tokenizer.specialTokens()];
  for (const [content, id] of fromGeneration) {
    const code = LANGUAGE_TOKEN.exec(content)?.[1];
    if (code) languages.set(code, id);
  }
  const multilingual = generation.is_multilingual ?? config.vocab_size >= 51865;
  return {
    multilingual,
    decoderLayers: config.decoder_layers,
    decoderHeads: config.decoder_attention_heads,
    headDim: config.d_model / config.decoder_attention_heads,
    vocabSize: config.vocab_size,
    melBins: config.num_mel_bins,
    maxLength: Math.min(generation.max_length ?? config.max_target_positions, config.max_target_positions),
    specials: {
      sot: required(generation.decoder_start_token_id ?? special("<|startoftranscript|>"), "<|startoftranscript|>"),
      eot: required(generation.eos_token_id ?? special("<|endoftext|>"), "<|endoftext|>"),
      noTimestamps,
      timestampBegin: noTimestamps + 1,
      translate: generation.task_to_id?.translate ?? special("<|translate|>"),
      transcribe: generation.task_to_id?.transcribe ?? special("<|transcribe|>"),
      languages,
    },
    suppressTokens: generation.suppress_tokens,
    beginSuppressTokens: generation.begin_suppress_tokens,
    maxInitialTimestampIndex: generation.max_initial_timestamp_index ?? 50,
  };
}
