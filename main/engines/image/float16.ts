/**
 * float32 ⇄ IEEE binary16 bits (a Uint16Array), as onnxruntime takes float16 tensors where
 * no Float16Array exists. Decoding goes through a 64K table; encoding rounds to nearest-even.
 */

let decodeTable: Float32Array | undefined;

/** binary16 bits → the number they represent. */
export function float16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

export function float16ToFloat32(bits: Uint16Array): Float32Array {
  if (!decodeTable) {
    decodeTable = new Float32Array(65536);
    for (let i = 0; i < 65536; i++) decodeTable[i] = float16BitsToFloat32(i);
  }
  const table = decodeTable;
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = table[bits[i] ?? 0] ?? 0;
  return out;
}

const floatView = new Float32Array(1);
const bitsView = new Uint32Array(floatView.buffer);

/** One number → binary16 bits, rounding to nearest-even, with subnormals, ±Inf and NaN. */
export function float32ToFloat16Bits(value: number): number {
  floatView[0] = value;
  const x = bitsView[0] ?? 0;
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const e = exponent - 112; // rebias 127 → 15
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    const full = mantissa | 0x800000;
    const shift = 14 - e;
    return sign | roundShift(full, shift);
  }
  // A carry out of the mantissa correctly bumps the exponent (up to infinity).
  return sign | ((e << 10) + roundShift(mantissa, 13));
}

/** `value >> shift`, rounded to nearest with ties to even. */
function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const remainder = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return remainder > half || (remainder === half && kept & 1) ? kept + 1 : kept;
}

export function float32ToFloat16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = float32ToFloat16Bits(values[i] ?? 0);
  return out;
}
