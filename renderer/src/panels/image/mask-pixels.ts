export interface Size {
  width: number;
  height: number;
}

/** Painted pixels count as masked from half opacity up, so soft brush edges do not leave grey seams. */
const PAINTED_ALPHA = 128;

/** Where a pointer at (clientX, clientY) falls on an image of `size` shown inside `rect` (scaled to fit). */
export function toImagePoint(clientX: number, clientY: number, rect: DOMRectReadOnly | { left: number; top: number; width: number; height: number }, size: Size) {
  const x = ((clientX - rect.left) / Math.max(1, rect.width)) * size.width;
  const y = ((clientY - rect.top) / Math.max(1, rect.height)) * size.height;
  return { x: Math.min(size.width, Math.max(0, x)), y: Math.min(size.height, Math.max(0, y)) };
}

/** A brush diameter in image pixels, from a diameter on screen, so the brush looks the same at any zoom. */
export function brushInImagePixels(screenDiameter: number, displayedWidth: number, imageWidth: number): number {
  return Math.max(1, (screenDiameter * imageWidth) / Math.max(1, displayedWidth));
}

/**
 * The exported mask: opaque white where painted (repaint), opaque black elsewhere (keep),
 * from the painter's RGBA pixels of the same size.
 */
export function binarizeMask(painted: Uint8ClampedArray, size: Size): Uint8ClampedArray<ArrayBuffer> {
  const count = size.width * size.height;
  if (painted.length !== count * 4) {
    throw new Error(`mask pixels are ${painted.length / 4}, expected ${size.width}×${size.height}`);
  }
  const out = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    const value = (painted[i * 4 + 3] ?? 0) >= PAINTED_ALPHA ? 255 : 0;
    out[i * 4] = value;
    out[i * 4 + 1] = value;
    out[i * 4 + 2] = value;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** The share of pixels painted, 0..1. */
export function maskCoverage(painted: Uint8ClampedArray): number {
  const count = painted.length / 4;
  if (count === 0) return 0;
  let masked = 0;
  for (let i = 3; i < painted.length; i += 4) if ((painted[i] ?? 0) >= PAINTED_ALPHA) masked++;
  return masked / count;
}

/** The painter's pixels for an exported mask (white → painted in `color`, black → clear), to resume painting. */
export function paintFromMask(mask: Uint8ClampedArray, color: readonly [number, number, number]): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(mask.length);
  for (let i = 0; i < mask.length; i += 4) {
    if ((mask[i] ?? 0) < 128) continue;
    out[i] = color[0];
    out[i + 1] = color[1];
    out[i + 2] = color[2];
    out[i + 3] = 255;
  }
  return out;
}
