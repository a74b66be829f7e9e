import { describe, expect, it } from "vitest";
import { isEnglishOnlyModel, LANGUAGE_CHOICES, languageName } from "./whisper-languages";

describe("Whisper languages", () => {
  it("lists the 99 languages of tiny/base/small, sorted by name, each a code the contract accepts", () => {
    expect(LANGUAGE_CHOICES).toHaveLength(99);
    const names = LANGUAGE_CHOICES.map((choice) => choice.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    for (const { code } of LANGUAGE_CHOICES) expect(code).toMatch(/^[a-z]{2,3}$/);
    expect(languageName("de")).toBe("German");
    expect(languageName("xx")).toBe("xx");
  });

  it("knows English-only checkpoints by their .en id, repo or catalog name", () => {
    expect(isEnglishOnlyModel({ id: "whisper-tiny.en", name: "Whisper tiny (English)" })).toBe(true);
    expect(isEnglishOnlyModel({ id: "my-stt", name: "Mine", source: { repo: "onnx-community/whisper-base.en", revision: "main" } })).toBe(true);
    expect(isEnglishOnlyModel({ id: "whisper-base", name: "Whisper base (multilingual)" })).toBe(false);
    expect(isEnglishOnlyModel({ id: "whisper-small", name: "Whisper small", source: { repo: "onnx-community/whisper-small", revision: "main" } })).toBe(false);
  });
});
