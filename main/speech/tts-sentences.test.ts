import { describe, expect, it } from "vitest";
import { splitSentences } from "./tts-sentences";

describe("splitSentences", () => {
  it("splits text into sentences, keeping their punctuation", () => {
    expect(splitSentences("Hello world. How are you today?  I am fine, thanks!\nBye.")).toEqual([
      "Hello world.",
      "How are you today?",
      "I am fine, thanks!",
      "Bye.",
    ]);
  });

  it("does not end a sentence after a title, and keeps decimals whole", () => {
    expect(splitSentences("Dr. Smith paid Mr. Jones $5.50. Then he left.")).toEqual(["Dr. Smith paid Mr. Jones $5.50.", "Then he left."]);
  });

  it("joins word-less pieces to the sentence before and drops text with no words", () => {
    expect(splitSentences("Go. Wait. ...")).toEqual(["Go.", "Wait. ..."]);
    expect(splitSentences(" ?! … ")).toEqual([]);
  });

  it("splits very long sentences at commas, then at spaces, within the limit", () => {
    const clauses = Array.from({ length: 30 }, (_, i) => `clause number ${i} goes here`);
    const pieces = splitSentences(`${clauses.join(", ")}.`);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length <= 400)).toBe(true);
    expect(pieces.join(" ")).toBe(`${clauses.join(", ")}.`);
    expect(pieces.slice(0, -1).every((piece) => piece.endsWith(","))).toBe(true);

    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const byWords = splitSentences(words, "en", 100);
    expect(byWords.every((piece) => piece.length <= 100)).toBe(true);
    expect(byWords.join(" ")).toBe(words);
    expect(splitSentences("x".repeat(250), "en", 100)).toEqual(["x".repeat(100), "x".repeat(100), "x".repeat(50)]);
  });

  it("accepts any language tag, falling back to English rules", () => {
    expect(splitSentences("Ça va? Oui.", "fr-FR")).toEqual(["Ça va?", "Oui."]);
    expect(splitSentences("One. Two.", "not a locale!")).toEqual(["One.", "Two."]);
  });
});
