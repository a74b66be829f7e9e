import { ComplexFft } from "./complex-fft";

/**
 * |X_k|² for k = 0 … n/2 of the exact n-point DFT of a real frame (n even), through one
 * complex FFT of n/2 points: z[m] = x[2m] + i·x[2m+1], then X_k = E_k + W_n^k·O_k with
 * E_k = (Z_k + conj Z_{n/2−k}) / 2 and O_k = (Z_k − conj Z_{n/2−k}) / 2i.
 */
export class RealPowerSpectrum {
  readonly bins: number;
  private readonly half: number;
  private readonly fft: ComplexFft;
  private readonly packed: Float64Array;
  /** W_n^k for k = 0 … n/2, [re, im] pairs. */
  private readonly twiddles: Float64Array;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 2 || size % 2 !== 0) throw new RangeError(`Real FFT size must be even, got ${size}.`);
    this.half = size / 2;
    this.bins = this.half + 1;
    this.fft = new ComplexFft(this.half);
    this.packed = new Float64Array(size);
    this.twiddles = new Float64Array(this.bins * 2);
    for (let k = 0; k < this.bins; k++) {
      this.twiddles[k * 2] = Math.cos((-2 * Math.PI * k) / size);
      this.twiddles[k * 2 + 1] = Math.sin((-2 * Math.PI * k) / size);
    }
  }

  /** Writes the `bins` powers of `frame` (length `size`, read only) into `out`. */
  compute(frame: Float64Array, out: Float64Array): void {
    const { half, packed, twiddles } = this;
    packed.set(frame.subarray(0, this.size));
    this.fft.transform(packed);
    for (let k = 0; k <= half; k++) {
      const at = (k % half) * 2;
      const mirror = ((half - k) % half) * 2;
      const zr = packed[at] ?? 0, zi = packed[at + 1] ?? 0;
      const cr = packed[mirror] ?? 0, ci = -(packed[mirror + 1] ?? 0);
      const er = (zr + cr) / 2, ei = (zi + ci) / 2;
      // (Z − conj Z') / 2i: dividing by i turns (a + bi) into (b − ai).
      const or = (zi - ci) / 2, oi = -(zr - cr) / 2;
      const wr = twiddles[k * 2] ?? 0, wi = twiddles[k * 2 + 1] ?? 0;
      const xr = er + or * wr - oi * wi;
      const xi = ei + or * wi + oi * wr;
      out[k] = xr * xr + xi * xi;
    }
  }
}
