import type { RgbImage } from "../../image/image-codec";

/** `size` rounded up to a multiple of `multiple`. */
export function padTo(size: number, multiple: number): number {
  return Math.ceil(size / multiple) * multiple;
}

/** byte → byte / 255 as float32, looked up (exactly the quotient, several times faster than dividing per pixel). */
const UNIT = Float32Array.from({ length: 256 }, (_, value) => value / 255);

/**
 * An RGB frame as planar floats in 0..1, [3, paddedHeight, paddedWidth], zero past its right and
 * bottom edges (as Practical-RIFE's inference pads).
 */
export function toPaddedPlanar(frame: RgbImage, paddedWidth: number, paddedHeight: number): Float32Array {
  const plane = paddedWidth * paddedHeight;
  const out = new Float32Array(3 * plane);
  const red = out.subarray(0, plane);
  const green = out.subarray(plane, 2 * plane);
  const blue = out.subarray(2 * plane);
  const { pixels, width, height } = frame;
  for (let y = 0; y < height; y++) {
    let source = y * width * 3;
    let target = y * paddedWidth;
    for (let x = 0; x < width; x++, source += 3, target++) {
      red[target] = UNIT[pixels[source] ?? 0] ?? 0;
      green[target] = UNIT[pixels[source + 1] ?? 0] ?? 0;
      blue[target] = UNIT[pixels[source + 2] ?? 0] ?? 0;
    }
  }
  return out;
}

function toByte(value: number): number {
  return value <= 0 ? 0 : value >= 1 ? 255 : Math.round(value * 255);
}

/** The top-left width × height of a planar [3, paddedHeight, paddedWidth] frame as RGB bytes: clip(x, 0, 1)·255, rounded. */
export function fromPaddedPlanar(planar: Float32Array, paddedWidth: number, paddedHeight: number, width: number, height: number): RgbImage {
  const plane = paddedWidth * paddedHeight;
  const red = planar.subarray(0, plane);
  const green = planar.subarray(plane, 2 * plane);
  const blue = planar.subarray(2 * plane, 3 * plane);
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    let source = y * paddedWidth;
    let target = y * width * 3;
    for (let x = 0; x < width; x++, source++, target += 3) {
      pixels[target] = toByte(red[source] ?? 0);
      pixels[target + 1] = toByte(green[source] ?? 0);
      pixels[target + 2] = toByte(blue[source] ?? 0);
    }
  }
  return { pixels, width, height };
}
