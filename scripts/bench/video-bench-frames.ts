import { mkdir } from "node:fs/promises";
import path from "node:path";
import { writeFileDurably } from "../../main/fs/durable-write";
import { encodeFramePng, frameFileName } from "../../main/video/clip-io/frame-files";
import type { RgbFrame } from "../../main/video/clip-io/rgb-frame";

/** A frame with content that moves: a drifting colour gradient over a moving checker pattern, so encoders and RIFE do real work. */
export function movingFrame(index: number, width: number, height: number): RgbFrame {
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const checker = ((((x + index * 6) >> 5) + (y >> 5)) & 1) * 60;
      const at = (y * width + x) * 3;
      pixels[at] = (x + index * 4 + checker) & 255;
      pixels[at + 1] = (y * 2 + checker) & 255;
      pixels[at + 2] = ((x ^ y) + index * 9) & 255;
    }
  }
  return { pixels, width, height };
}

/** `count` moving frames as PNG files in `folder` (frame-00000.png, …); returns their paths. */
export async function writeMovingFrames(folder: string, count: number, width: number, height: number): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(folder, frameFileName(i));
    await writeFileDurably(file, await encodeFramePng(movingFrame(i, width, height)));
    files.push(file);
  }
  return files;
}
