import { describe, expect, it } from "vitest";
import { float16BitsToFloat32, float16ToFloat32, float32ToFloat16, float32ToFloat16Bits } from "./float16";

describe("float32 → float16", () => {
  it("encodes exact values, extremes and specials bit-exactly", () => {
    const cases: [number, number][] = [
      [0, 0x0000],
      [-0, 0x8000],
      [1, 0x3c00],
      [-2, 0xc000],
      [0.5, 0x3800],
      [65504, 0x7bff], // largest finite half
      [65520, 0x7c00], // rounds up to +Inf
      [1e6, 0x7c00],
      [-1e6, 0xfc00],
      [Infinity, 0x7c00],
      [-Infinity, 0xfc00],
      [2 ** -14, 0x0400], // smallest normal
      [2 ** -24, 0x0001], // smallest subnormal
      [2 ** -25, 0x0000], // halfway to the smallest subnormal: ties to even (0)
      [3 * 2 ** -25, 0x0002], // halfway between 1 and 2 subnormal steps: ties to even (2)
      [1e-9, 0x0000],
      [0.1, 0x2e66],
      [1 / 3, 0x3555],
    ];
    for (const [value, bits] of cases) expect(float32ToFloat16Bits(value), `${value}`).toBe(bits);
    expect([...float32ToFloat16(Float32Array.from(cases, ([value]) => value))]).toEqual(cases.map(([, bits]) => bits));
    expect(float32ToFloat16(Float32Array.of(NaN))[0]).toBe(0x7e00);
  });

  it("rounds to nearest with ties to even in the normal range", () => {
    // 1 + 2^-11 is exactly between 1 and the next half (1 + 2^-10): ties to even → 1.
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    // 1 + 3·2^-11 is between 1 + 2^-10 (odd) and 1 + 2^-9 (even): → even.
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(float32ToFloat16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01);
  });
});

describe("float16 → float32", () => {
  it("decodes every finite half exactly, and round-trips it", () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const decoded = float16ToFloat32(all);
    expect(decoded[0x3c00]).toBe(1);
    expect(decoded[0xc000]).toBe(-2);
    expect(decoded[0x0001]).toBe(2 ** -24);
    expect(decoded[0x7c00]).toBe(Infinity);
    expect(Number.isNaN(decoded[0x7e00])).toBe(true);
    const finite = [...all].filter((bits) => (bits & 0x7c00) !== 0x7c00);
    expect(finite.filter((bits) => float16BitsToFloat32(bits) !== decoded[bits])).toEqual([]);
    const back = float32ToFloat16(Float32Array.from(finite, (bits) => decoded[bits] ?? 0));
    expect([...back]).toEqual(finite);
  });
});
