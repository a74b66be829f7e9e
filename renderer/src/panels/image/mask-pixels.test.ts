import { describe, expect, it } from "vitest";
import { binarizeMask, brushInImagePixels, maskCoverage, paintFromMask, toImagePoint } from "./mask-pixels";

/** RGBA pixels of a `width`×`height` painter canvas with the listed pixel indexes painted (alpha 255). */
function painted(width: number, height: number, indexes: number[], alpha = 255): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (const i of indexes) data.set([255, 64, 64, alpha], i * 4);
  return data;
}

describe("mask export", () => {
  it("is opaque black and white at exactly the init image's size", () => {
    const size = { width: 3, height: 2 };
    const mask = binarizeMask(painted(3, 2, [1, 5]), size);
    expect(mask.length).toBe(3 * 2 * 4);
    const pixels = Array.from({ length: 6 }, (_, i) => Array.from(mask.subarray(i * 4, i * 4 + 4)));
    expect(pixels).toEqual([
      [0, 0, 0, 255],
      [255, 255, 255, 255],
      [0, 0, 0, 255],
      [0, 0, 0, 255],
      [0, 0, 0, 255],
      [255, 255, 255, 255],
    ]);
    expect(() => binarizeMask(painted(3, 2, []), { width: 2, height: 2 })).toThrow(/expected 2×2/);
  });

  it("counts soft brush edges from half opacity up, and round-trips back into paint", () => {
    const soft = painted(2, 2, [0], 200);
    soft.set([255, 64, 64, 100], 4);
    expect(maskCoverage(soft)).toBe(0.25);
    const mask = binarizeMask(soft, { width: 2, height: 2 });
    expect(binarizeMask(paintFromMask(mask, [255, 64, 64]), { width: 2, height: 2 })).toEqual(mask);
  });

  it("maps a pointer on the scaled-down preview to image pixels, clamped to the image", () => {
    const rect = { left: 100, top: 50, width: 200, height: 100 };
    const size = { width: 1024, height: 512 };
    expect(toImagePoint(200, 100, rect, size)).toEqual({ x: 512, y: 256 });
    expect(toImagePoint(50, 500, rect, size)).toEqual({ x: 0, y: 512 });
    expect(brushInImagePixels(32, 256, 1024)).toBe(128);
  });
});
