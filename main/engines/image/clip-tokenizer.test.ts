import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { AppError } from "../../../shared/errors";
import { ClipTokenizer } from "./clip-tokenizer";

const CLIP_DIR = path.resolve("../shared/models/tokenizer/clip");
const BOS = 49406;
const EOS = 49407;

/**
 * Ids from a Python port of openai/CLIP simple_tokenizer.py (the `regex` module, NFC for ftfy)
 * run on the same vocab.json and merges.txt.
 */
const REFERENCE: [string, number[]][] = [
  ["a photo of a cat", [320, 1125, 539, 320, 2368]],
  ["An astronaut riding a horse, 8k, highly-detailed!!", [550, 18376, 6765, 320, 4558, 267, 279, 330, 267, 5302, 268, 12609, 748]],
  ["  Café   crème\tbrûlée\n", [15304, 1075, 12138, 614, 711, 127, 119, 75, 13489]],
  ["it's a dog's life &amp; I've 2024 cats", [585, 568, 320, 1929, 568, 970, 261, 328, 1200, 273, 271, 273, 275, 3989]],
  ["日本の猫 🐱 emoji", [39121, 44353, 21575, 163, 234, 360, 22979, 16327]],
  ["<|endoftext|>x", [EOS, 343]],
  ["supercalifragilisticexpialidocious", [1642, 2857, 13093, 2076, 5868, 26850, 835, 639, 38466]],
  ["(masterpiece:1.2), best_quality", [263, 12066, 281, 272, 269, 273, 2361, 949, 318, 3027]],
];

describe("ClipTokenizer", () => {
  it("encodes 'a photo of a cat' to the vocabulary's ids, BOS … EOS, padded to 77", async () => {
    const tokenizer = await ClipTokenizer.load(CLIP_DIR);
    // vocab.json: a</w>=320, photo</w>=1125, of</w>=539, cat</w>=2368.
    const ids = tokenizer.encode("a photo of a cat");
    expect(ids).toHaveLength(77);
    expect(ids.slice(0, 7)).toEqual([BOS, 320, 1125, 539, 320, 2368, EOS]);
    expect(new Set(ids.slice(7))).toEqual(new Set([EOS]));
  });

  it.each(REFERENCE)("matches the reference tokenizer on %j", async (prompt, expected) => {
    const tokenizer = await ClipTokenizer.load(CLIP_DIR);
    expect(tokenizer.tokenize(prompt)).toEqual(expected);
  });

  it("truncates long prompts to 75 tokens and still ends with EOS", async () => {
    const tokenizer = await ClipTokenizer.load(CLIP_DIR);
    const ids = tokenizer.encode(Array(100).fill("cat").join(" "));
    expect(ids).toHaveLength(77);
    expect(ids[0]).toBe(BOS);
    expect(ids.slice(1, 76)).toEqual(Array(75).fill(2368));
    expect(ids[76]).toBe(EOS);
    expect(tokenizer.encode("")).toEqual([BOS, ...Array(76).fill(EOS)]);
  });

  it("pads with the tokenizer config's pad token: <|endoftext|> for SD 1.x, '!' (0) for SD 2.x / tokenizer_2", async () => {
    const fixtures = inject("imageFixtures");
    const sd15 = await ClipTokenizer.load(path.join(fixtures.sd15, "tokenizer"));
    const sd2Style = await ClipTokenizer.load(path.join(fixtures.sdxl, "tokenizer_2"));
    expect(sd15.encode("cat").slice(0, 4)).toEqual([BOS, 2368, EOS, EOS]);
    expect(sd2Style.encode("cat")).toEqual([BOS, 2368, EOS, ...Array(74).fill(0)]);
  });

  it("falls back to special_tokens_map.json for the pad token", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "clip-"));
    try {
      for (const file of ["vocab.json", "merges.txt"]) await copyFile(path.join(CLIP_DIR, file), path.join(dir, file));
      await writeFile(path.join(dir, "special_tokens_map.json"), JSON.stringify({ pad_token: { content: "!", lstrip: false } }));
      expect((await ClipTokenizer.load(dir)).encode("cat").at(-1)).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("fails with MODEL_LOAD_FAILED when the files are missing or broken", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "clip-"));
    try {
      await expect(ClipTokenizer.load(dir)).rejects.toMatchObject({ code: "MODEL_LOAD_FAILED" });
      await writeFile(path.join(dir, "vocab.json"), "{\"a\": 1}");
      await writeFile(path.join(dir, "merges.txt"), "#version: 0.2\na b\n");
      const error = await ClipTokenizer.load(dir).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toContain("<|startoftext|>");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
