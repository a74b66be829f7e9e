import { describe, expect, it } from "vitest";
import { float16ToFloat32, float32ToFloat16 } from "./float16";

describe("float16 conversion", () => {
  it("encodes known values to their IEEE binary16 bits", () => {
    const values = Float32Array.of(0, -0, 1, -2, 0.5, 65504, 1e6, -1e6, 6.103515625e-5, 5.960464477539063e-8, 1e-9, Infinity, 0.1, 1 + 2 ** -11);
    expect([...float32ToFloat16(values)]).toEqual([
      0x0000, 0x8000, 0x3c00, 0xc000, 0x3800, 0x7bff, 0x7c00, 0xfc00, 0x0400, 0x0001, 0x0000, 0x7c00, 0x2e66,
      // exactly halfway between 1 and the next half: ties to even (1.0)
      0x3c00,
    ]);
    expect(float32ToFloat16(Float32Array.of(NaN))[0]).toBe(0x7e00);
  });

  it("decodes every finite half exactly, and round-trips it", () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const decoded = float16ToFloat32(all);
    expect(decoded[0x3c00]).toBe(1);
    expect(decoded[0xc000]).toBe(-2);
    expect(decoded[0x0001]).toBe(2 ** -24);
    expect(decoded[0x7c00]).toBe(Infinity);
    expect(Number.isNaN(decoded[0x7e00])).toBe(true);
    const finite = [...all].filter((bits) => (bits & 0x7c00) !== 0x7c00);
    const back = float32ToFloat16(Float32Array.from(finite, (bits) => decoded[bits] ?? 0));
    expect([...back]).toEqual(finite);
  });
});
