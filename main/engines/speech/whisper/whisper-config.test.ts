import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { checkRequest, mostLikelyLanguage, promptTokens } from "./prompt";
import { WhisperTokenizer } from "./tokenizer";
import { loadWhisperSpec } from "./whisper-config";

const TINY_EN = path.resolve("../shared/models/stt/whisper-tiny.en");

async function load(dir: string) {
  const tokenizer = await WhisperTokenizer.load(dir);
  return { tokenizer, spec: await loadWhisperSpec(dir, tokenizer) };
}

describe("the real whisper-tiny.en tokenizer and configs", () => {
  it("number the special tokens after the vocabulary, as Hugging Face does", async () => {
    const { tokenizer, spec } = await load(TINY_EN);
    expect(spec.specials).toMatchObject({ sot: 50257, eot: 50256, noTimestamps: 50362, timestampBegin: 50363, translate: 50357, transcribe: 50358 });
    expect(tokenizer.specialId("<|startoftranscript|>")).toBe(50257);
    expect(tokenizer.specialId("<|en|>")).toBe(50258);
    expect(spec.specials.languages.get("en")).toBe(50258);
    expect(spec).toMatchObject({ multilingual: false, decoderLayers: 4, decoderHeads: 6, headDim: 64, vocabSize: 51864, melBins: 80, maxLength: 448 });
    expect(spec.suppressTokens).toContain(50361);
    expect(spec.beginSuppressTokens).toEqual([220, 50256]);
    expect(spec.maxInitialTimestampIndex).toBe(1);
  });

  it("decodes byte-level BPE ids to text, skipping special and timestamp tokens", async () => {
    const { tokenizer } = await load(TINY_EN);
    expect(tokenizer.decode([50257, 50363, 843, 523, 616, 5891, 3399, 11, 50513, 50256])).toBe(" And so my fellow Americans,");
    // "é" is two bytes, each its own byte-level character: split across tokens it still decodes.
    expect(tokenizer.decode([2634])).toMatch(/é|\uFFFD/);
  });

  it("builds the English-only prompt and refuses other languages and translation", async () => {
    const { spec } = await load(TINY_EN);
    expect(promptTokens(spec, "en", "transcribe")).toEqual([50257]);
    expect(() => checkRequest(spec, "de", "transcribe")).toThrow(/English-only/);
    expect(() => checkRequest(spec, "auto", "translate")).toThrow(expect.objectContaining({ code: "UNSUPPORTED" }));
    expect(() => checkRequest(spec, "auto", "transcribe")).not.toThrow();
  });
});

describe("a multilingual layout (added_tokens.json, lang_to_id, task_to_id)", () => {
  const dir = inject("speechFixtures").whisperMultilingual;

  it("reads the multilingual numbering", async () => {
    const { tokenizer, spec } = await load(dir);
    expect(spec.specials).toMatchObject({ sot: 50258, eot: 50257, noTimestamps: 50363, timestampBegin: 50364, translate: 50358, transcribe: 50359 });
    expect(spec.multilingual).toBe(true);
    expect(spec.specials.languages.get("de")).toBe(50261);
    expect(spec.specials.languages.size).toBe(99);
    expect(tokenizer.decode([843, 50257, 50364])).toBe(" And");
  });

  it("prompts with the language and task, and detects the most likely language", async () => {
    const { spec } = await load(dir);
    expect(promptTokens(spec, "fr", "translate")).toEqual([50258, spec.specials.languages.get("fr"), 50358]);
    expect(promptTokens(spec, "de", "transcribe")).toEqual([50258, 50261, 50359]);
    expect(() => checkRequest(spec, "xx", "transcribe")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    const logits = new Float32Array(spec.vocabSize);
    logits[50261] = 3;
    logits[50259] = 2;
    logits[843] = 50;
    expect(mostLikelyLanguage(spec, logits)).toBe("de");
  });
});
