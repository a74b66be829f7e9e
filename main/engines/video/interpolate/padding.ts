import type { RgbImage } from "../../image/image-codec";

/** `size` rounded up to a multiple of `multiple`. */
export function padTo(size: number, multiple: number): number {
  return Math.ceil(size / multiple) * multiple;
}

/**
 * An RGB frame as planar floats in 0..1, [3, paddedHeight, paddedWidth], zero past its right and
 * bottom edges (as Practical-RIFE's inference pads).
 */
export function toPaddedPlanar(frame: RgbImage, paddedWidth: number, paddedHeight: number): Float32Array {
  const plane = paddedWidth * paddedHeight;
  const out = new Float32Array(3 * plane);
  const { pixels, width, height } = frame;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const source = (y * width + x) * 3;
      const target = y * paddedWidth + x;
      out[target] = (pixels[source] ?? 0) / 255;
      out[plane + target] = (pixels[source + 1] ?? 0) / 255;
      out[2 * plane + target] = (pixels[source + 2] ?? 0) / 255;
    }
  }
  return out;
}

/** The top-left width × height of a planar [3, paddedHeight, paddedWidth] frame as RGB bytes: clip(x, 0, 1)·255, rounded. */
export function fromPaddedPlanar(planar: Float32Array, paddedWidth: number, paddedHeight: number, width: number, height: number): RgbImage {
  const plane = paddedWidth * paddedHeight;
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const source = y * paddedWidth + x;
      const target = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const value = planar[c * plane + source] ?? 0;
        pixels[target + c] = Math.round((value < 0 ? 0 : value > 1 ? 1 : value) * 255);
      }
    }
  }
  return { pixels, width, height };
}
