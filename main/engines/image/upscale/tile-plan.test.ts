import { describe, expect, it } from "vitest";
import { planAxis, planTiles } from "./tile-plan";

/** Every pixel is in exactly one core, and every core lies inside its window (and the window inside the image, unless fixed). */
function checkCover(length: number, tile: number, overlap: number, fixed?: number): void {
  const spans = planAxis(length, tile, overlap, fixed);
  const covered = new Array<number>(length).fill(0);
  for (const span of spans) {
    expect(span.coreStart).toBeGreaterThanOrEqual(span.start);
    expect(span.coreStart + span.coreSize).toBeLessThanOrEqual(span.start + span.size);
    if (fixed !== undefined) expect(span.size).toBe(fixed);
    if (fixed === undefined || length >= fixed) expect(span.start + span.size).toBeLessThanOrEqual(length);
    for (let i = span.coreStart; i < span.coreStart + span.coreSize; i++) covered[i] = (covered[i] ?? 0) + 1;
  }
  expect(covered.every((count) => count === 1)).toBe(true);
}

describe("tile planning", () => {
  it("covers every pixel once with cores inside their windows", () => {
    for (const [length, tile, overlap] of [[100, 32, 4], [64, 32, 8], [33, 32, 16], [1000, 256, 16], [17, 64, 8], [65, 32, 0]] as const) {
      checkCover(length, tile, overlap);
    }
  });

  it("gives windows of exactly the fixed size for static-shaped models, padding small images", () => {
    for (const [length, fixed, overlap] of [[300, 64, 8], [64, 64, 8], [40, 64, 8], [129, 128, 16]] as const) checkCover(length, 256, overlap, fixed);
    expect(planAxis(40, 256, 8, 64)).toEqual([{ start: 0, size: 64, coreStart: 0, coreSize: 40 }]);
  });

  it("reaches `overlap` past each core where the image allows", () => {
    expect(planAxis(100, 40, 4)).toEqual([
      { start: 0, size: 36, coreStart: 0, coreSize: 32 },
      { start: 28, size: 40, coreStart: 32, coreSize: 32 },
      { start: 60, size: 40, coreStart: 64, coreSize: 32 },
      { start: 92, size: 8, coreStart: 96, coreSize: 4 },
    ]);
  });

  it("keeps a useful core when the overlap is too large for the tile", () => {
    const spans = planAxis(100, 32, 100);
    expect(spans.every((span) => span.coreSize >= 8 || span.coreStart + span.coreSize === 100)).toBe(true);
    checkCover(100, 32, 100);
  });

  it("uses one tile when the image fits", () => {
    expect(planTiles(48, 40, 256, 16)).toEqual([{ x: { start: 0, size: 48, coreStart: 0, coreSize: 48 }, y: { start: 0, size: 40, coreStart: 0, coreSize: 40 } }]);
    expect(planTiles(100, 50, 40, 4)).toHaveLength(4 * 2);
  });
});
