import { genericPass, pass2, pass3, pass4, pass5, type FftPass } from "./fft-passes";

interface Stage {
  run: FftPass;
  /** Sub-transform length after this pass's split (n / product of radices so far). */
  m: number;
  /** Product of the earlier radices: how many interleaved sub-transforms run side by side. */
  s: number;
  /** W_length^(p·k) for p < m, k < radix, as [re, im] pairs. */
  twiddles: Float64Array;
}

const SPECIALIZED: Partial<Record<number, FftPass>> = { 2: pass2, 3: pass3, 4: pass4, 5: pass5 };

/** Prime factors with 4s taken before 2s (fewer passes); any prime works, small ones are fastest. */
function factorize(n: number): number[] {
  const factors: number[] = [];
  let rest = n;
  for (const radix of [4, 2, 3, 5]) {
    for (; rest % radix === 0; rest /= radix) factors.push(radix);
  }
  for (let p = 7; rest > 1; p += 2) {
    for (; rest % p === 0; rest /= p) factors.push(p);
  }
  return factors;
}

/** e^(−2πi·(row·col mod n)/n) for row < rows, col < cols, row-major [re, im] pairs. */
function roots(n: number, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols * 2);
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const angle = (-2 * Math.PI * ((row * col) % n)) / n;
      out[(row * cols + col) * 2] = Math.cos(angle);
      out[(row * cols + col) * 2 + 1] = Math.sin(angle);
    }
  }
  return out;
}

/**
 * Forward complex DFT of any size by a mixed-radix Stockham autosort FFT: the exact n-point
 * DFT (400 = 4·4·25 for Whisper), not a zero-padded power of two. The plan and scratch
 * buffer are made once; `transform` allocates nothing. Data are interleaved [re, im] pairs.
 */
export class ComplexFft {
  private readonly stages: Stage[] = [];
  private readonly scratch: Float64Array;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`FFT size must be a positive integer, got ${size}.`);
    let length = size;
    let s = 1;
    for (const radix of factorize(size)) {
      const m = length / radix;
      const run = SPECIALIZED[radix] ?? genericPass(radix, roots(radix, radix, radix));
      this.stages.push({ run, m, s, twiddles: roots(length, m, radix) });
      length = m;
      s *= radix;
    }
    this.scratch = new Float64Array(size * 2);
  }

  /** Transforms `data` (length 2·size) in place. */
  transform(data: Float64Array): void {
    let from = data;
    let to = this.scratch;
    for (const { run, m, s, twiddles } of this.stages) {
      run(from, to, m, s, twiddles);
      [from, to] = [to, from];
    }
    if (from !== data) data.set(from);
  }
}
