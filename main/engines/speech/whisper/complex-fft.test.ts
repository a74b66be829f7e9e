import { describe, expect, it } from "vitest";
import { ComplexFft } from "./complex-fft";
import { RealPowerSpectrum } from "./power-spectrum";

/** The DFT by its definition, X_k = Σ x_n e^(−2πi·kn/N), as [re, im] pairs. */
function directDft(data: Float64Array): Float64Array {
  const n = data.length / 2;
  const out = new Float64Array(data.length);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const angle = (-2 * Math.PI * ((k * j) % n)) / n;
      const re = data[j * 2] ?? 0, im = data[j * 2 + 1] ?? 0;
      out[k * 2] = (out[k * 2] ?? 0) + re * Math.cos(angle) - im * Math.sin(angle);
      out[k * 2 + 1] = (out[k * 2 + 1] ?? 0) + re * Math.sin(angle) + im * Math.cos(angle);
    }
  }
  return out;
}

function randomSignal(length: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 1_073_741_824 - 1;
  });
}

function maxDifference(a: Float64Array, b: Float64Array): number {
  return a.reduce((max, value, i) => Math.max(max, Math.abs(value - (b[i] ?? Number.NaN))), 0);
}

describe("mixed-radix FFT", () => {
  // 200 and 400 are Whisper's (4·2·5·5, 4·4·5·5); 7, 49 and 2·3·11 take the generic butterfly.
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 25, 49, 66, 128, 200, 400])("equals the direct DFT for n = %i", (n) => {
    const signal = randomSignal(n * 2, n);
    const transformed = Float64Array.from(signal);
    new ComplexFft(n).transform(transformed);
    expect(maxDifference(transformed, directDft(signal))).toBeLessThan(1e-9 * n);
  });

  it("can be reused: a second transform with the same plan gives the same result", () => {
    const fft = new ComplexFft(400);
    const first = randomSignal(800, 1);
    const second = Float64Array.from(first);
    fft.transform(randomSignal(800, 2));
    fft.transform(first);
    fft.transform(second);
    expect(first).toEqual(second);
  });
});

describe("real power spectrum", () => {
  it.each([2, 10, 400, 512])("equals |DFT|² of the real frame for n = %i", (n) => {
    const frame = randomSignal(n, 7 * n);
    const complex = new Float64Array(n * 2);
    frame.forEach((value, i) => (complex[i * 2] = value));
    const dft = directDft(complex);
    const expected = Float64Array.from({ length: n / 2 + 1 }, (_, k) => (dft[k * 2] ?? 0) ** 2 + (dft[k * 2 + 1] ?? 0) ** 2);
    const spectrum = new RealPowerSpectrum(n);
    const power = new Float64Array(spectrum.bins);
    spectrum.compute(frame, power);
    expect(maxDifference(power, expected)).toBeLessThan(1e-9 * n * n);
  });

  it("rejects odd sizes", () => {
    expect(() => new RealPowerSpectrum(401)).toThrow(RangeError);
  });
});
