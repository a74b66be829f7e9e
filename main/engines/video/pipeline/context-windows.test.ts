import { describe, expect, it } from "vitest";
import { createRandom } from "../../image/random";
import { planContextWindows, pyramidWeights, WindowBlend, type ContextWindow } from "./context-windows";

/** The window plan and blend against numbers worked out by hand and a direct weighted mean. */
describe("context windows", () => {
  it("uses diffusers' pyramid weights", () => {
    expect(pyramidWeights(4)).toEqual([1, 2, 2, 1]);
    expect(pyramidWeights(5)).toEqual([1, 2, 3, 2, 1]);
    expect(pyramidWeights(16)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(pyramidWeights(1)).toEqual([1]);
  });

  it("covers 2.5 windows with windows every context − overlap frames, the last one aligned to the end", () => {
    expect(planContextWindows(40, 16, 4)).toEqual([
      { start: 0, length: 16 },
      { start: 12, length: 16 },
      { start: 24, length: 16 },
    ]);
    // Without overlap the last window still ends at the last frame (it shares 8 frames with the one before).
    expect(planContextWindows(40, 16, 0).map((window) => window.start)).toEqual([0, 16, 24]);
    expect(planContextWindows(16, 16, 4)).toEqual([{ start: 0, length: 16 }]);
    expect(planContextWindows(5, 16, 4)).toEqual([{ start: 0, length: 5 }]);
    expect(planContextWindows(17, 16, 4).map((window) => window.start)).toEqual([0, 1]);
  });

  it("covers every frame exactly within the clip, whatever the numbers", () => {
    for (let frames = 1; frames <= 70; frames++) {
      for (const [context, overlap] of [[16, 4], [16, 0], [16, 15], [8, 2], [3, 1]] as const) {
        const windows = planContextWindows(frames, context, overlap);
        const covered = new Set(windows.flatMap((w) => Array.from({ length: w.length }, (_, i) => w.start + i)));
        expect(covered.size).toBe(frames);
        expect(Math.min(...covered)).toBe(0);
        expect(Math.max(...covered)).toBe(frames - 1);
        for (const window of windows) expect(window.length).toBe(Math.min(frames, context));
      }
    }
  });

  it("refuses an overlap as long as the window", () => {
    expect(() => planContextWindows(40, 16, 16)).toThrow(RangeError);
    expect(() => planContextWindows(0, 16, 4)).toThrow(RangeError);
  });

  it("blends each frame as the weighted mean of the windows holding it", () => {
    const [channels, frames, frameSize, context] = [4, 40, 6, 16];
    const windows = planContextWindows(frames, context, 4);
    const random = createRandom(3);
    const predictions = windows.map(() => random.normal(channels * context * frameSize));
    const blend = new WindowBlend(frames, frameSize, channels);
    windows.forEach((window, i) => blend.add(window, predictions[i] ?? new Float32Array()));
    const blended = blend.result();

    const weight = (window: ContextWindow, frame: number): number => {
      const offset = frame - window.start;
      return offset < 0 || offset >= window.length ? 0 : Math.min(offset + 1, window.length - offset);
    };
    for (let c = 0; c < channels; c++) {
      for (let f = 0; f < frames; f++) {
        for (let p = 0; p < frameSize; p++) {
          let sum = 0;
          let total = 0;
          windows.forEach((window, i) => {
            const w = weight(window, f);
            if (w === 0) return;
            sum += w * (predictions[i]?.[(c * context + f - window.start) * frameSize + p] ?? 0);
            total += w;
          });
          expect(blended[(c * frames + f) * frameSize + p]).toBeCloseTo(sum / total, 5);
        }
      }
    }
    // Frame 12 is the first of window 2 (weight 1) and the 13th of window 1 (weight 4).
    const at = (i: number, c: number, f: number) => predictions[i]?.[(c * context + f) * frameSize] ?? 0;
    expect(blended[12 * frameSize]).toBeCloseTo((4 * at(0, 0, 12) + 1 * at(1, 0, 0)) / 5, 5);
    // Frames only one window holds are that window's prediction.
    expect(blended[2 * frameSize]).toBeCloseTo(at(0, 0, 2), 6);
  });
});
