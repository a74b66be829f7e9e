import type { RgbImage } from "../../../image/image-codec";
import type { HandlerContext } from "../../../worker-runtime";
import type { InterpolateProgress } from "../interpolate-frames";

/** Test helpers: frames with distinct bytes, and the blend the RIFE fixture computes. */

/** A frame whose bytes differ per pixel, channel and frame index. */
export function testFrame(index: number, width: number, height: number): RgbImage {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + index * 40) % 256;
  return { pixels, width, height };
}

/** What the fixture computes for a pixel: a + t·(b − a) in float32, on bytes scaled to 0..1, back to a byte. */
export function blendByte(a: number, b: number, t: number): number {
  const x = Math.fround(a / 255);
  const y = Math.fround(b / 255);
  const value = Math.fround(x + Math.fround(Math.fround(y - x) * t));
  return Math.round(Math.min(1, Math.max(0, value)) * 255);
}

export function blendFrame(a: RgbImage, b: RgbImage, t: number): Uint8Array {
  return a.pixels.map((value, i) => blendByte(value, b.pixels[i] ?? 0, t));
}

export function progressCollector(signal = new AbortController().signal): HandlerContext<InterpolateProgress> & { events: InterpolateProgress[] } {
  const events: InterpolateProgress[] = [];
  return { signal, events, emit: (event) => void events.push(event) };
}
