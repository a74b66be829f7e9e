/** Above this |cos θ| the two vectors are nearly parallel and slerp falls back to lerp (sin θ ≈ 0). */
const PARALLEL = 0.9995;

/**
 * Spherical linear interpolation of two vectors (noise tensors): the angle between them is
 * interpolated, so two unit vectors give unit vectors all the way, and Gaussian noise keeps its
 * spread (a straight lerp would shrink it midway and wash the image out). t = 0 gives `a`, 1 gives `b`.
 */
export function slerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  if (a.length !== b.length) throw new RangeError(`slerp of vectors of different lengths: ${a.length} and ${b.length}`);
  if (t === 0) return Float32Array.from(a);
  if (t === 1) return Float32Array.from(b);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  const cos = normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 1;
  let weightA = 1 - t;
  let weightB = t;
  if (Math.abs(cos) <= PARALLEL) {
    const theta = Math.acos(cos);
    const sin = Math.sin(theta);
    weightA = Math.sin((1 - t) * theta) / sin;
    weightB = Math.sin(t * theta) / sin;
  }
  const out = new Float32Array(a.length);
  for (let i = 0; i < out.length; i++) out[i] = weightA * (a[i] ?? 0) + weightB * (b[i] ?? 0);
  return out;
}
