import { describe, expect, it } from "vitest";
import type { AnimationKeyframe } from "./animate-types";
import { cameraAt, resolveSettings, strengthAt } from "./animation-settings";
import { frameSeed, keyframedValue, keyframeSeed, keyframeSpan, sortKeyframes } from "./keyframes";

const keyframes: AnimationKeyframe[] = [
  { frame: 4, prompt: "a forest", zoom: 1, panX: 10 },
  { frame: 14, prompt: "a city", zoom: 1.2 },
  { frame: 24, prompt: "the sea", panX: -10, strength: 0.8 },
];

describe("keyframe spans", () => {
  it("is on a keyframe exactly at its frame", () => {
    expect(keyframeSpan([4, 14, 24], 4)).toEqual({ from: 0, to: 0, t: 0 });
    expect(keyframeSpan([4, 14, 24], 14)).toEqual({ from: 1, to: 1, t: 0 });
    expect(keyframeSpan([4, 14, 24], 24)).toEqual({ from: 2, to: 2, t: 0 });
  });

  it("is the fraction of the way between the two keyframes around a frame", () => {
    expect(keyframeSpan([4, 14, 24], 5)).toEqual({ from: 0, to: 1, t: 0.1 });
    expect(keyframeSpan([4, 14, 24], 19)).toEqual({ from: 1, to: 2, t: 0.5 });
  });

  it("holds the first keyframe before it and the last after it", () => {
    expect(keyframeSpan([4, 14, 24], 0)).toEqual({ from: 0, to: 0, t: 0 });
    expect(keyframeSpan([4, 14, 24], 100)).toEqual({ from: 2, to: 2, t: 0 });
    expect(keyframeSpan([7], 3)).toEqual({ from: 0, to: 0, t: 0 });
    expect(keyframeSpan([7], 9)).toEqual({ from: 0, to: 0, t: 0 });
  });

  it("refuses an empty keyframe list", () => {
    expect(() => keyframeSpan([], 0)).toThrow(RangeError);
  });
});

describe("keyframed values", () => {
  it("takes a keyframe's value at its frame", () => {
    expect(keyframedValue(keyframes, "zoom", 4, 1)).toBe(1);
    expect(keyframedValue(keyframes, "zoom", 14, 1)).toBe(1.2);
    expect(keyframedValue(keyframes, "panX", 24, 0)).toBe(-10);
  });

  it("interpolates linearly between the keyframes that set the value, skipping those that do not", () => {
    expect(keyframedValue(keyframes, "zoom", 9, 1)).toBeCloseTo(1.1, 12);
    // panX is set on frames 4 and 24 only: frame 14 is half way.
    expect(keyframedValue(keyframes, "panX", 14, 0)).toBeCloseTo(0, 12);
    expect(keyframedValue(keyframes, "panX", 9, 0)).toBeCloseTo(5, 12);
  });

  it("holds the nearest value beyond the keyframes that set it, and falls back when none does", () => {
    expect(keyframedValue(keyframes, "zoom", 0, 1)).toBe(1);
    expect(keyframedValue(keyframes, "zoom", 30, 1)).toBe(1.2);
    expect(keyframedValue(keyframes, "strength", 2, 0.5)).toBe(0.8);
    expect(keyframedValue(keyframes, "rotate", 10, 0)).toBe(0);
    expect(strengthAt({ keyframes: [{ frame: 0, prompt: "" }], strength: 0.3 }, 3)).toBe(0.3);
    expect(strengthAt({ keyframes, strength: 0.3 }, 3)).toBe(0.8);
  });

  it("gives the camera move of a frame from every value", () => {
    expect(cameraAt(keyframes, 9)).toEqual({ zoom: expect.closeTo(1.1, 12), panX: expect.closeTo(5, 12), panY: 0, rotate: 0 });
  });
});

describe("keyframe order, seeds and defaults", () => {
  it("sorts keyframes by frame", () => {
    const sorted = sortKeyframes([keyframes[2], keyframes[0], keyframes[1]].flatMap((k) => (k ? [k] : [])));
    expect(sorted.map((keyframe) => keyframe.frame)).toEqual([4, 14, 24]);
  });

  it("gives frame n the seed seed + n · increment, wrapped into 32 bits", () => {
    expect(frameSeed(10, 0, 7)).toBe(10);
    expect(frameSeed(10, 3, 7)).toBe(31);
    expect(frameSeed(2 ** 32 - 1, 1, 2)).toBe(1);
    expect(frameSeed(0, -1, 1)).toBe(2 ** 32 - 1);
    expect(keyframeSeed({ frame: 5, prompt: "" }, 100, 2)).toBe(110);
    expect(keyframeSeed({ frame: 5, prompt: "", seed: 3 }, 100, 2)).toBe(3);
  });

  it("resolves the defaults", () => {
    const settings = resolveSettings({ mode: "feedback", keyframes: [keyframes[1] ?? { frame: 0, prompt: "" }], frames: 3, width: 64, height: 64, steps: 2, cfgScale: 7, sampler: "euler", seed: 1 });
    expect(settings).toMatchObject({ fps: 8, negativePrompt: "", strength: 0.5, seedIncrement: 0, border: "reflect" });
  });
});
