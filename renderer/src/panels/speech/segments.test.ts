import { describe, expect, it } from "vitest";
import { activeSegmentIndex, countRegions } from "./segments";

const segments = [
  { start: 0.3, end: 2 },
  { start: 2, end: 4.5 },
  { start: 6, end: 8 },
  { start: 8, end: 10.5 },
];

describe("activeSegmentIndex", () => {
  it("finds the segment whose start ≤ time < end", () => {
    expect(activeSegmentIndex(segments, 0.3)).toBe(0);
    expect(activeSegmentIndex(segments, 1.99)).toBe(0);
    expect(activeSegmentIndex(segments, 2)).toBe(1);
    expect(activeSegmentIndex(segments, 7)).toBe(2);
    expect(activeSegmentIndex(segments, 10.4)).toBe(3);
  });

  it("answers -1 before the first, in gaps and after the last", () => {
    expect(activeSegmentIndex(segments, 0)).toBe(-1);
    expect(activeSegmentIndex(segments, 5)).toBe(-1);
    expect(activeSegmentIndex(segments, 10.5)).toBe(-1);
    expect(activeSegmentIndex([], 1)).toBe(-1);
  });

  it("agrees with a linear scan on a long transcript", () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ start: i * 3, end: i * 3 + 2 }));
    for (const time of [0, 1.5, 2.5, 299, 300.1, 1497.9, 1499]) {
      const expected = many.findIndex((segment) => segment.start <= time && time < segment.end);
      expect(activeSegmentIndex(many, time)).toBe(expected);
    }
  });

  it("counts regions in words", () => {
    expect(countRegions(1)).toBe("1 speech region");
    expect(countRegions(3)).toBe("3 speech regions");
  });
});
