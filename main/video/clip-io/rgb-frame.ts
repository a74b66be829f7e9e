/** One frame of a clip: interleaved 8-bit RGB, row-major (the same layout as the image engine's RgbImage). */
export interface RgbFrame {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** A clip read or written one frame at a time, so a long one never sits in memory whole. */
export interface FrameStream {
  width: number;
  height: number;
  frames: AsyncIterable<RgbFrame>;
}
