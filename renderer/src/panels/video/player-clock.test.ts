import { describe, expect, it } from "vitest";
import { MAX_TICK_MS, startFrame, stepFrame, tick, timeText } from "./player-clock";

const rate = { fps: 8, speed: 1, frameCount: 16, loop: true };

describe("player clock", () => {
  it("passes one frame per 1/fps of wall time, carrying the remainder across ticks", () => {
    let state = { frame: 0, carryMs: 0 };
    const frames: number[] = [];
    // A 60 Hz display: about 7.5 ticks per frame at 8 fps.
    for (let i = 0; i < 60; i++) {
      state = tick(state, 1000 / 60, rate);
      frames.push(state.frame);
    }
    expect(state.frame).toBe(8);
    expect(new Set(frames).size).toBe(9);
    expect(tick({ frame: 0, carryMs: 124 }, 1, rate)).toEqual({ frame: 1, carryMs: 0, ended: false });
  });

  it("runs faster and slower with the speed", () => {
    expect(tick({ frame: 0, carryMs: 0 }, 250, { ...rate, speed: 2 }).frame).toBe(4);
    expect(tick({ frame: 0, carryMs: 0 }, 250, { ...rate, speed: 0.5 }).frame).toBe(1);
  });

  it("wraps when looping and stops on the last frame otherwise", () => {
    expect(tick({ frame: 15, carryMs: 0 }, 250, rate)).toEqual({ frame: 1, carryMs: 0, ended: false });
    expect(tick({ frame: 15, carryMs: 0 }, 250, { ...rate, loop: false })).toEqual({ frame: 15, carryMs: 0, ended: true });
    expect(tick({ frame: 13, carryMs: 0 }, 250, { ...rate, loop: false })).toEqual({ frame: 15, carryMs: 0, ended: false });
  });

  it("does not race through frames after a long pause", () => {
    expect(tick({ frame: 0, carryMs: 0 }, 10_000, rate).frame).toBe(Math.floor((MAX_TICK_MS * 8) / 1000));
  });

  it("holds a one-frame clip", () => {
    expect(tick({ frame: 0, carryMs: 0 }, 250, { ...rate, frameCount: 1 })).toEqual({ frame: 0, carryMs: 0, ended: false });
  });

  it("steps a frame with ← / →, wrapping only when looping", () => {
    expect(stepFrame(0, -1, 16, true)).toBe(15);
    expect(stepFrame(15, 1, 16, true)).toBe(0);
    expect(stepFrame(0, -1, 16, false)).toBe(0);
    expect(stepFrame(15, 1, 16, false)).toBe(15);
    expect(stepFrame(4, 1, 16, false)).toBe(5);
  });

  it("plays from the start when Play is pressed at the end of a clip that does not loop", () => {
    expect(startFrame(15, 16, false)).toBe(0);
    expect(startFrame(15, 16, true)).toBe(15);
    expect(startFrame(3, 16, false)).toBe(3);
  });

  it("shows where playback is in clip time", () => {
    expect(timeText(10, 16, 8)).toBe("0:01.25 / 0:02.00");
    expect(timeText(0, 600, 8)).toBe("0:00.00 / 1:15.00");
  });
});
