import { describe, expect, it } from "vitest";
import { windowSegments } from "./segments";
import { planWindows } from "./windows";

const specials = { eot: 50256, timestampBegin: 50363 };
const ts = (seconds: number): number => 50363 + Math.round(seconds / 0.02);
const words: Record<number, string> = { 1: " Hello", 2: " world", 3: " again" };
const decode = (ids: readonly number[]): string => ids.map((id) => words[id] ?? "").join("");

describe("windowSegments", () => {
  it("turns timestamp pairs into segments shifted by the window offset", () => {
    const tokens = [ts(0), 1, 2, ts(1.2), ts(1.2), 3, ts(2), specials.eot];
    expect(windowSegments(tokens, specials, { offset: 30, duration: 25 }, decode)).toEqual([
      { start: 30, end: 31.2, text: "Hello world" },
      { start: 31.2, end: 32, text: "again" },
    ]);
  });

  it("runs unclosed text to the window end, starts unopened text at the last end, clamps to the window", () => {
    expect(windowSegments([ts(0), 1, ts(1), 2, ts(9)], specials, { offset: 0, duration: 5 }, decode)).toEqual([
      { start: 0, end: 1, text: "Hello" },
      { start: 1, end: 5, text: "world" },
    ]);
    expect(windowSegments([ts(0.5), 3], specials, { offset: 10, duration: 4 }, decode)).toEqual([{ start: 10.5, end: 14, text: "again" }]);
    expect(windowSegments([ts(0), ts(1)], specials, { offset: 0, duration: 4 }, decode)).toEqual([]);
  });
});

describe("planWindows", () => {
  const SR = 100;
  it("ends each window at the last speech region that fits in 30 s and skips the silence between", () => {
    const speech = [
      { start: 1, end: 10 },
      { start: 12, end: 28 },
      { start: 29, end: 40 },
      { start: 70, end: 75 },
    ];
    expect(planWindows(80 * SR, speech, SR)).toEqual([
      { start: 1 * SR, end: 28 * SR },
      { start: 29 * SR, end: 40 * SR },
      { start: 70 * SR, end: 75 * SR },
    ]);
  });

  it("cuts a region longer than a window hard, and covers everything in fixed windows without VAD", () => {
    expect(planWindows(80 * SR, [{ start: 5, end: 70 }], SR)).toEqual([
      { start: 5 * SR, end: 35 * SR },
      { start: 35 * SR, end: 65 * SR },
      { start: 65 * SR, end: 70 * SR },
    ]);
    expect(planWindows(65 * SR, undefined, SR)).toEqual([
      { start: 0, end: 30 * SR },
      { start: 30 * SR, end: 60 * SR },
      { start: 60 * SR, end: 65 * SR },
    ]);
    expect(planWindows(65 * SR, [], SR)).toEqual([]);
  });
});
