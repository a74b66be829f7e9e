import { describe, expect, it } from "vitest";
import { createRandom } from "../random";
import { slerp } from "./slerp";

function norm(values: Float32Array): number {
  let sum = 0;
  for (const value of values) sum += value * value;
  return Math.sqrt(sum);
}

function normalized(values: Float32Array): Float32Array {
  const length = norm(values);
  return values.map((value) => value / length);
}

describe("slerp", () => {
  const a = createRandom(1).normal(4096);
  const b = createRandom(2).normal(4096);

  it("gives the inputs at its endpoints, exactly", () => {
    expect(slerp(a, b, 0)).toEqual(a);
    expect(slerp(a, b, 1)).toEqual(b);
    expect(slerp(a, b, 0)).not.toBe(a);
  });

  it("keeps unit vectors on the unit sphere all the way, where a lerp would shrink them", () => {
    const unitA = normalized(a);
    const unitB = normalized(b);
    for (const t of [0.1, 0.25, 0.5, 0.75, 0.9]) expect(norm(slerp(unitA, unitB, t))).toBeCloseTo(1, 5);
    // Two independent Gaussian vectors are nearly orthogonal: their midpoint lerp has norm ≈ 0.71.
    const lerped = unitA.map((value, i) => 0.5 * value + 0.5 * (unitB[i] ?? 0));
    expect(norm(lerped)).toBeLessThan(0.8);
  });

  it("is symmetric and moves along the arc at an even angle", () => {
    const unitA = normalized(a);
    const unitB = normalized(b);
    const mid = slerp(unitA, unitB, 0.5);
    const reverse = slerp(unitB, unitA, 0.5);
    for (let i = 0; i < mid.length; i += 97) expect(mid[i]).toBeCloseTo(reverse[i] ?? Number.NaN, 6);
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((sum, value, i) => sum + value * (y[i] ?? 0), 0);
    expect(dot(mid, unitA)).toBeCloseTo(dot(mid, unitB), 5);
  });

  it("falls back to a straight line for (nearly) parallel vectors and refuses different lengths", () => {
    const twice = a.map((value) => 2 * value);
    const mid = slerp(a, twice, 0.5);
    for (let i = 0; i < 10; i++) expect(mid[i]).toBeCloseTo(1.5 * (a[i] ?? 0), 5);
    expect(slerp(a, a, 0.3)).toEqual(a);
    expect(() => slerp(a, b.subarray(1), 0.5)).toThrow(RangeError);
  });
});
