import type { FrameStream, RgbFrame } from "../rgb-frame";

/** Test clips: frames of one solid colour each (so lossy codecs keep them recognisable) with a gradient stripe. */

export const PALETTE: readonly (readonly [number, number, number])[] = [
  [200, 40, 40],
  [40, 200, 40],
  [40, 40, 200],
  [220, 220, 60],
  [60, 200, 220],
  [180, 60, 200],
];

export function solidFrame(index: number, width: number, height: number): RgbFrame {
  const color = PALETTE[index % PALETTE.length] ?? [0, 0, 0];
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set(color, i * 3);
  return { pixels, width, height };
}

export function testClip(count: number, width: number, height: number): FrameStream {
  async function* frames(): AsyncGenerator<RgbFrame> {
    for (let i = 0; i < count; i++) yield solidFrame(i, width, height);
  }
  return { width, height, frames: frames() };
}

/** The mean colour of a frame. */
export function meanColor(frame: RgbFrame): [number, number, number] {
  const sums = [0, 0, 0];
  for (let i = 0; i < frame.pixels.length; i++) sums[i % 3] = (sums[i % 3] ?? 0) + (frame.pixels[i] ?? 0);
  const n = frame.width * frame.height;
  return [Math.round((sums[0] ?? 0) / n), Math.round((sums[1] ?? 0) / n), Math.round((sums[2] ?? 0) / n)];
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
