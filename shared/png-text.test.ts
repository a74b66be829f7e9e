import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { crc32, readPngChunks, readPngSize, readPngText, readPngTexts, withPngText } from "./png-text";

async function tinyPng(width = 5, height = 3): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3, 200);
  return new Uint8Array(await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer());
}

describe("PNG text chunks", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode("IEND"))).toBe(0xae426082);
  });

  it("writes an iTXt chunk before the image data that reads back, and sharp still decodes the file", async () => {
    const png = await tinyPng();
    const text = "a château at dusk, 🏰\nNegative prompt: blurry\nSteps: 20, Seed: 1";
    const tagged = withPngText(png, "parameters", text);
    expect(readPngText(tagged, "parameters")).toBe(text);
    const types = readPngChunks(tagged).map((chunk) => chunk.type);
    expect(types.indexOf("iTXt")).toBeLessThan(types.indexOf("IDAT"));
    expect(readPngSize(tagged)).toEqual({ width: 5, height: 3 });
    const decoded = await sharp(tagged).raw().toBuffer({ resolveWithObject: true });
    expect(decoded.info).toMatchObject({ width: 5, height: 3 });
    // sharp (libvips) reads the chunk as well: the file is well-formed for other readers.
    const { comments } = await sharp(tagged).metadata();
    expect(comments).toContainEqual({ keyword: "parameters", text });
  });

  it("replaces a chunk with the same keyword instead of adding a second", async () => {
    const once = withPngText(await tinyPng(), "parameters", "first");
    const twice = withPngText(withPngText(once, "Comment", "keep me"), "parameters", "second");
    expect(readPngTexts(twice)).toEqual([
      { keyword: "Comment", text: "keep me" },
      { keyword: "parameters", text: "second" },
    ]);
  });

  it("reads Latin-1 tEXt chunks as A1111 (via PIL) writes them", async () => {
    const png = await tinyPng();
    const data = Uint8Array.from([..."parameters"].map((c) => c.charCodeAt(0)).concat([0, 0x63, 0x61, 0x66, 0xe9]));
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    const iend = png.length - 12;
    const withText = new Uint8Array([...png.subarray(0, iend), ...chunk, ...png.subarray(iend)]);
    expect(readPngText(withText, "parameters")).toBe("café");
  });

  it("refuses damaged files with INVALID_INPUT", async () => {
    const png = await tinyPng();
    const broken = png.slice();
    broken[40] = (broken[40] ?? 0) ^ 0xff;
    expect(() => readPngChunks(broken)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => readPngChunks(new TextEncoder().encode("GIF89a not a png"))).toThrow(/not a readable PNG/);
    expect(() => readPngChunks(png.subarray(0, png.length - 6))).toThrow(/cut off/);
    expect(() => withPngText(png, "bad\0key", "x")).toThrow(/keyword/);
  });
});
