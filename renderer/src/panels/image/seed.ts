export const MAX_SEED = 2 ** 32 - 1;

/** A fresh seed in 0..2³²−1, from the platform's random source. */
export function randomSeed(source: Pick<Crypto, "getRandomValues"> = globalThis.crypto): number {
  const [value = 0] = source.getRandomValues(new Uint32Array(1));
  return value;
}
