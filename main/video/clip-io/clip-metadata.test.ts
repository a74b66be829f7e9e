import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { parseParameters, serializeParametersAscii } from "./clip-parameters";
import { readGifComments, withGifComment } from "./gif-comment";
import { parametersFromXmp, parametersXmp } from "./xmp-parameters";

/** Two different frames (libvips merges identical neighbours into one frame with their delays summed). */
async function twoFrameGif(): Promise<Buffer> {
  const raw = Buffer.alloc(8 * 8 * 2 * 3, 90);
  raw.fill(200, 8 * 8 * 3);
  return sharp(raw, { raw: { width: 8, height: 16, channels: 3, pageHeight: 8 } }).gif({ loop: 0, delay: [100, 100] }).toBuffer();
}

describe("GIF comment extensions", () => {
  it("adds a comment longer than one sub-block that reads back whole, leaving the animation intact", async () => {
    const text = "x".repeat(600) + "end";
    const gif = withGifComment(await twoFrameGif(), text);
    expect(readGifComments(gif)).toEqual([text]);
    expect(await sharp(gif, { animated: true }).metadata()).toMatchObject({ format: "gif", pages: 2, pageHeight: 8, width: 8 });
  });

  it("finds no comment in a plain GIF and refuses what is not a GIF", async () => {
    expect(readGifComments(await twoFrameGif())).toEqual([]);
    expect(() => readGifComments(Buffer.from("GIF89a but cut short"))).toThrow(/could not be read/);
    expect(() => withGifComment(Buffer.from("PNG?"), "x")).toThrow(/no GIF header/);
  });

  it("keeps non-ASCII parameters in 7-bit JSON that parses to the same value", () => {
    const parameters = { prompt: "crème brûlée 🍮", seed: 7 };
    const ascii = serializeParametersAscii(parameters);
    expect(ascii).toMatch(/^[\x20-\x7e]+$/);
    expect(parseParameters(ascii)).toEqual(parameters);
  });
});

describe("parameters in XMP", () => {
  it("escapes and unescapes XML specials", () => {
    const text = JSON.stringify({ prompt: `<a href="x">&amp;'</a>` });
    expect(parametersFromXmp(parametersXmp(text))).toBe(text);
  });

  it("ignores XMP from other programs and comments that are not a JSON object", () => {
    expect(parametersFromXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:description>{"a":1}</dc:description></x:xmpmeta>')).toBeUndefined();
    expect(parseParameters("Made with another tool")).toBeUndefined();
    expect(parseParameters("[1, 2]")).toBeUndefined();
    expect(parseParameters(undefined)).toBeUndefined();
  });
});
