import { readFile } from "node:fs/promises";
import { phonemize } from "phonemizer";
import { describe, expect, inject, it } from "vitest";
import { phonemizeClauses } from "./espeak-phonemes";
import { parsePiperConfig, type PiperVoiceConfig } from "./piper-config";
import { piperPhonemeIds, piperPhonemeString, type PhonemeIdMap } from "./piper-ids";

/** The generated voice's config: the real en_US phoneme_id_map of Piper's voices. */
async function voiceConfig(): Promise<PiperVoiceConfig> {
  const { json } = inject("speechFixtures").piperVoice;
  return parsePiperConfig(JSON.parse(await readFile(json, "utf8")), json);
}

/** The reference mapping, written out independently: ^ _ (ids _)* $. */
function expectedIds(phonemes: string, map: PhonemeIdMap): number[] {
  const one = (symbol: string): number[] => [...(map[symbol] ?? [])];
  const ids = [...one("^"), ...one("_")];
  for (const symbol of Array.from(phonemes)) if (map[symbol]) ids.push(...one(symbol), ...one("_"));
  return [...ids, ...one("$")];
}

describe("Piper phoneme ids", () => {
  it("uses Piper's full en-us map (154 symbols; _ ^ $ space are 0 1 2 3)", async () => {
    const { phonemeIdMap, sampleRate, espeakVoice } = await voiceConfig();
    expect(Object.keys(phonemeIdMap)).toHaveLength(154);
    expect([phonemeIdMap._, phonemeIdMap["^"], phonemeIdMap.$, phonemeIdMap[" "]]).toEqual([[0], [1], [2], [3]]);
    expect(phonemeIdMap["ɚ"]).toEqual([60]);
    expect(phonemeIdMap["\u0303"]).toEqual([141]);
    expect({ sampleRate, espeakVoice }).toEqual({ sampleRate: 22050, espeakVoice: "en-us" });
  });

  it("maps a fixed sentence exactly as the phonemizer's output through the map", async () => {
    const { phonemeIdMap } = await voiceConfig();
    const sentence = "The quick brown fox jumps over the lazy dog.";
    const [raw] = await phonemize("The quick brown fox jumps over the lazy dog", "en-us");
    const phonemes = piperPhonemeString(await phonemizeClauses(sentence, "en-us"));
    expect(phonemes).toBe(`${raw}.`);
    const ids = piperPhonemeIds(phonemes, phonemeIdMap, () => expect.unreachable("every en-us phoneme is in the map"));
    expect(ids).toEqual(expectedIds(`${raw}.`, phonemeIdMap));
    expect(ids.filter((_, index) => index % 2 === 1).every((id) => id === 0)).toBe(true);
  });

  it('pins "Hello world." to its literal ids (a regression in phonemizer or mapping shows here)', async () => {
    const { phonemeIdMap } = await voiceConfig();
    const phonemes = piperPhonemeString(await phonemizeClauses("Hello world.", "en-us"));
    expect(phonemes).toBe("həlˈoʊ wˈɜːld.");
    // ^ _ h ə l ˈ o ʊ ␠ w ˈ ɜ ː l d . $ with _ (0) after each phoneme
    expect(piperPhonemeIds(phonemes, phonemeIdMap, () => undefined)).toEqual([
      1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 3, 0, 35, 0, 120, 0, 62, 0, 122, 0, 24, 0, 17, 0, 10, 0, 2,
    ]);
  });

  it("keeps clause punctuation as piper-phonemize does: marks, a space after commas, sentences joined", async () => {
    const phonemes = piperPhonemeString(await phonemizeClauses("Well, hello there! Is it 5.50? Yes; fine", "en-us"));
    expect(phonemes).toMatch(/^wˈɛl, həlˈoʊ ðˈɛɹ! ɪz ɪt fˈaɪv pɔɪnt fˈaɪv zˈiəɹoʊ\? jˈɛs; fˈaɪn$/);
  });

  it("skips phonemes the map lacks and reports each one", () => {
    const unknown: string[] = [];
    const ids = piperPhonemeIds("aXb", { _: [0], "^": [1], $: [2], a: [5], b: [6] }, (symbol) => unknown.push(symbol));
    expect(ids).toEqual([1, 0, 5, 0, 6, 0, 2]);
    expect(unknown).toEqual(["X"]);
  });

  it("decomposes phonemes (NFD) so precomposed letters reach the map's combining marks", () => {
    expect(piperPhonemeString([{ phonemes: "ç", punctuation: "" }])).toBe("c\u0327");
  });

  it("refuses languages the bundled espeak-ng lacks with UNSUPPORTED", async () => {
    await expect(phonemizeClauses("Bonjour.", "fr")).rejects.toMatchObject({ code: "UNSUPPORTED" });
  });
});
