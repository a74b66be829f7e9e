/**
 * Seeded Gaussian noise for latents: xoshiro128** (seeded through splitmix32) feeding the
 * Box–Muller transform. Deterministic on every platform for a given seed, and independent of
 * how the draws are chunked. It does NOT reproduce torch's generator bitstream, so a seed
 * gives a different (equally valid) image than diffusers/A1111 with the same seed.
 */

export interface SeededRandom {
  /** The next `count` standard normal values. */
  normal(count: number): Float32Array;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

/** xoshiro128**: 32-bit outputs, period 2^128 − 1. */
function xoshiro128(seed: number): () => number {
  const seeder = splitmix32(seed);
  let a = seeder();
  let b = seeder();
  let c = seeder();
  let d = seeder();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is a fixed point
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d >>> 0, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result;
  };
}

const TWO_POW_32 = 4294967296;

export function createRandom(seed: number): SeededRandom {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) throw new RangeError(`seed must be an integer in [0, 2^32), got ${seed}`);
  const next = xoshiro128(seed);
  let spare: number | undefined;
  // In (0, 1): never 0, so the logarithm stays finite.
  const uniform = () => (next() + 0.5) / TWO_POW_32;
  const gaussian = (): number => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  return {
    normal(count: number): Float32Array {
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = gaussian();
      return values;
    },
  };
}
