import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import type { AnimationKeyframe } from "./animate-types";
import { NoiseSchedule } from "./noise-schedule";
import { mixConditioning } from "./prompt-schedule";
import { slerp } from "./slerp";

const COUNT = 256;
const keyframes: AnimationKeyframe[] = [
  { frame: 2, prompt: "a", seed: 11 },
  { frame: 6, prompt: "b" },
];

describe("noise schedule", () => {
  it("prompt travel: a keyframe's own seed's noise on its frame, slerped between keyframes, held outside them", () => {
    const schedule = new NoiseSchedule(keyframes, { mode: "prompt-travel", seed: 100, seedIncrement: 2, count: COUNT });
    const first = createRandom(11).normal(COUNT);
    const second = createRandom(112).normal(COUNT); // 100 + 6 · 2
    expect(schedule.at(2).noise).toEqual(first);
    expect(schedule.at(6).noise).toEqual(second);
    expect(schedule.at(3).noise).toEqual(slerp(first, second, 0.25));
    expect(schedule.at(0).noise).toEqual(first);
    expect(schedule.at(9).noise).toEqual(second);
  });

  it("continues the frame's own seed's stream for step noise, as a plain generation does", () => {
    const schedule = new NoiseSchedule(keyframes, { mode: "prompt-travel", seed: 100, seedIncrement: 2, count: COUNT });
    const plain = createRandom(11);
    plain.normal(COUNT);
    expect(schedule.at(2).random.normal(8)).toEqual(plain.normal(8));
    const between = createRandom(108); // frame 4: 100 + 4 · 2
    between.normal(COUNT);
    expect(schedule.at(4).random.normal(8)).toEqual(between.normal(8));
  });

  it("feedback: every frame's own seed's noise", () => {
    const schedule = new NoiseSchedule(keyframes, { mode: "feedback", seed: 100, seedIncrement: 2, count: COUNT });
    expect(schedule.at(4).noise).toEqual(createRandom(108).normal(COUNT));
    expect(schedule.at(2).noise).toEqual(createRandom(11).normal(COUNT));
    expect(schedule.seedOf(5)).toBe(110);
  });
});

describe("prompt mixing", () => {
  it("mixes the text conditioning of two keyframes linearly, on both sides of guidance", () => {
    const side = (value: number, embeds?: number) => ({
      context: new Float32Array(6).fill(value),
      tokens: 2,
      ...(embeds === undefined ? {} : { textEmbeds: new Float32Array(2).fill(embeds), timeIds: Float32Array.of(64, 64, 0, 0, 64, 64) }),
    });
    const mixed = mixConditioning({ cond: side(1, 0), uncond: side(-2) }, { cond: side(3, 4), uncond: side(2) }, 0.25);
    expect([...mixed.cond.context]).toEqual(new Array(6).fill(1.5));
    expect([...(mixed.cond.textEmbeds ?? [])]).toEqual([1, 1]);
    expect([...(mixed.cond.timeIds ?? [])]).toEqual([64, 64, 0, 0, 64, 64]);
    expect([...(mixed.uncond?.context ?? [])]).toEqual(new Array(6).fill(-1));
    expect(mixConditioning({ cond: side(1) }, { cond: side(3) }, 0.5).uncond).toBeUndefined();
  });
});
