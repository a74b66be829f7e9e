/**
 * One pass of a mixed-radix Stockham FFT (decimation in frequency, forward sign), for the
 * sub-transform length n = radix·m and stride s of that pass:
 *   y[q + s·(radix·p + k)] = W_n^(p·k) · Σ_j x[q + s·(p + m·j)] · W_radix^(j·k)
 * Data are interleaved [re, im] pairs; `twiddles` holds W_n^(p·k) at [(p·radix + k)·2].
 * Radices 2, 3, 4 and 5 have hand-written butterflies; any other uses `generic`.
 */
export type FftPass = (x: Float64Array, y: Float64Array, m: number, s: number, twiddles: Float64Array) => void;

const SIN_60 = Math.sin(Math.PI / 3);
const COS_72 = Math.cos((2 * Math.PI) / 5), COS_144 = Math.cos((4 * Math.PI) / 5);
const SIN_72 = Math.sin((2 * Math.PI) / 5), SIN_144 = Math.sin((4 * Math.PI) / 5);

/** Stores (re + i·im) · twiddle k of row p at output k. */
function put(y: Float64Array, at: number, re: number, im: number, tw: Float64Array, tAt: number): void {
  const wr = tw[tAt] ?? 0, wi = tw[tAt + 1] ?? 0;
  y[at] = re * wr - im * wi;
  y[at + 1] = re * wi + im * wr;
}

export const pass2: FftPass = (x, y, m, s, tw) => {
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < s; q++) {
      const i0 = (q + s * p) * 2, i1 = i0 + s * m * 2, o0 = (q + s * 2 * p) * 2, o1 = o0 + s * 2;
      const ar = x[i0] ?? 0, ai = x[i0 + 1] ?? 0, br = x[i1] ?? 0, bi = x[i1 + 1] ?? 0;
      put(y, o0, ar + br, ai + bi, tw, p * 4);
      put(y, o1, ar - br, ai - bi, tw, p * 4 + 2);
    }
  }
};

export const pass3: FftPass = (x, y, m, s, tw) => {
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < s; q++) {
      const i0 = (q + s * p) * 2, step = s * m * 2, o0 = (q + s * 3 * p) * 2, out = s * 2;
      const a0r = x[i0] ?? 0, a0i = x[i0 + 1] ?? 0;
      const a1r = x[i0 + step] ?? 0, a1i = x[i0 + step + 1] ?? 0, a2r = x[i0 + 2 * step] ?? 0, a2i = x[i0 + 2 * step + 1] ?? 0;
      const t1r = a1r + a2r, t1i = a1i + a2i, nr = SIN_60 * (a1r - a2r), ni = SIN_60 * (a1i - a2i);
      const mr = a0r - 0.5 * t1r, mi = a0i - 0.5 * t1i;
      put(y, o0, a0r + t1r, a0i + t1i, tw, p * 6);
      put(y, o0 + out, mr + ni, mi - nr, tw, p * 6 + 2);
      put(y, o0 + 2 * out, mr - ni, mi + nr, tw, p * 6 + 4);
    }
  }
};

export const pass4: FftPass = (x, y, m, s, tw) => {
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < s; q++) {
      const i0 = (q + s * p) * 2, step = s * m * 2, o0 = (q + s * 4 * p) * 2, out = s * 2;
      const a0r = x[i0] ?? 0, a0i = x[i0 + 1] ?? 0, a1r = x[i0 + step] ?? 0, a1i = x[i0 + step + 1] ?? 0;
      const a2r = x[i0 + 2 * step] ?? 0, a2i = x[i0 + 2 * step + 1] ?? 0, a3r = x[i0 + 3 * step] ?? 0, a3i = x[i0 + 3 * step + 1] ?? 0;
      const b0r = a0r + a2r, b0i = a0i + a2i, b1r = a0r - a2r, b1i = a0i - a2i;
      // b3 = −i·(a1 − a3)
      const b2r = a1r + a3r, b2i = a1i + a3i, b3r = a1i - a3i, b3i = a3r - a1r;
      put(y, o0, b0r + b2r, b0i + b2i, tw, p * 8);
      put(y, o0 + out, b1r + b3r, b1i + b3i, tw, p * 8 + 2);
      put(y, o0 + 2 * out, b0r - b2r, b0i - b2i, tw, p * 8 + 4);
      put(y, o0 + 3 * out, b1r - b3r, b1i - b3i, tw, p * 8 + 6);
    }
  }
};

export const pass5: FftPass = (x, y, m, s, tw) => {
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < s; q++) {
      const i0 = (q + s * p) * 2, step = s * m * 2, o0 = (q + s * 5 * p) * 2, out = s * 2;
      const a0r = x[i0] ?? 0, a0i = x[i0 + 1] ?? 0, a1r = x[i0 + step] ?? 0, a1i = x[i0 + step + 1] ?? 0;
      const a2r = x[i0 + 2 * step] ?? 0, a2i = x[i0 + 2 * step + 1] ?? 0, a3r = x[i0 + 3 * step] ?? 0, a3i = x[i0 + 3 * step + 1] ?? 0;
      const a4r = x[i0 + 4 * step] ?? 0, a4i = x[i0 + 4 * step + 1] ?? 0;
      const t1r = a1r + a4r, t1i = a1i + a4i, t2r = a2r + a3r, t2i = a2i + a3i;
      const t3r = a1r - a4r, t3i = a1i - a4i, t4r = a2r - a3r, t4i = a2i - a3i;
      const m1r = a0r + COS_72 * t1r + COS_144 * t2r, m1i = a0i + COS_72 * t1i + COS_144 * t2i;
      const m2r = a0r + COS_144 * t1r + COS_72 * t2r, m2i = a0i + COS_144 * t1i + COS_72 * t2i;
      const n1r = SIN_72 * t3r + SIN_144 * t4r, n1i = SIN_72 * t3i + SIN_144 * t4i;
      const n2r = SIN_144 * t3r - SIN_72 * t4r, n2i = SIN_144 * t3i - SIN_72 * t4i;
      // y1 = m1 − i·n1, y4 = m1 + i·n1, y2 = m2 − i·n2, y3 = m2 + i·n2
      put(y, o0, a0r + t1r + t2r, a0i + t1i + t2i, tw, p * 10);
      put(y, o0 + out, m1r + n1i, m1i - n1r, tw, p * 10 + 2);
      put(y, o0 + 2 * out, m2r + n2i, m2i - n2r, tw, p * 10 + 4);
      put(y, o0 + 3 * out, m2r - n2i, m2i + n2r, tw, p * 10 + 6);
      put(y, o0 + 4 * out, m1r - n1i, m1i + n1r, tw, p * 10 + 8);
    }
  }
};

/** Any radix, through its DFT matrix `roots` (W_radix^(j·k) at [(k·radix + j)·2]). */
export function genericPass(radix: number, roots: Float64Array): FftPass {
  return (x, y, m, s, tw) => {
    for (let p = 0; p < m; p++) {
      for (let q = 0; q < s; q++) {
        for (let k = 0; k < radix; k++) {
          let re = 0, im = 0;
          for (let j = 0; j < radix; j++) {
            const at = (q + s * (p + m * j)) * 2, wAt = (k * radix + j) * 2;
            const xr = x[at] ?? 0, xi = x[at + 1] ?? 0, wr = roots[wAt] ?? 0, wi = roots[wAt + 1] ?? 0;
            re += xr * wr - xi * wi;
            im += xr * wi + xi * wr;
          }
          put(y, (q + s * (radix * p + k)) * 2, re, im, tw, (p * radix + k) * 2);
        }
      }
    }
  };
}
