/** The parts one after another in a new array made by `create` (a Uint8Array, Float32Array, …). */
export function concatArrays<T extends Uint8Array | Float32Array>(parts: readonly T[], create: (length: number) => T): T {
  const out = create(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  return concatArrays(parts, (length) => new Uint8Array(length));
}

export function concatFloats(parts: readonly Float32Array[]): Float32Array {
  return concatArrays(parts, (length) => new Float32Array(length));
}
