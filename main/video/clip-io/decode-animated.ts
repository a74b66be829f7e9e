import sharp from "sharp";
import { AppError } from "../../../shared/errors";
import type { RgbFrame } from "./rgb-frame";

export interface AnimatedFacts {
  width: number;
  height: number;
  frameCount: number;
  /** From the frames' delays (their median); undefined when the file has none. */
  fps: number | undefined;
}

/** Browsers show GIF delays of 10 ms or less as 100 ms; so does Atelier. */
function shownDelay(ms: number): number {
  return ms <= 10 ? 100 : ms;
}

function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function unreadable(file: string, error: unknown): AppError {
  return new AppError("INVALID_INPUT", `The animation ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
}

/** Size, frame count and frame rate of a GIF or (animated) WebP. */
export async function probeAnimated(file: string): Promise<AnimatedFacts> {
  const meta = await sharp(file, { animated: true }).metadata().catch((error: unknown) => {
    throw unreadable(file, error);
  });
  const frameCount = meta.pages ?? 1;
  const height = meta.pageHeight ?? meta.height;
  const delay = meta.delay?.length ? median(meta.delay.map(shownDelay)) : undefined;
  return { width: meta.width, height, frameCount, fps: delay ? Math.round((1000 / delay) * 1000) / 1000 : undefined };
}

/** Frames decoded per sharp call: few enough to bound memory, many enough that a GIF is not re-read from its start for every frame. */
const BATCH_BYTES = 64 * 2 ** 20;

/** The frames of a GIF or WebP, composited as a viewer shows them, transparency flattened onto black. */
export async function* decodeAnimatedFrames(file: string, facts: AnimatedFacts, signal?: AbortSignal): AsyncGenerator<RgbFrame> {
  const { width, height } = facts;
  const frameBytes = width * height * 3;
  const batch = Math.max(1, Math.floor(BATCH_BYTES / frameBytes));
  for (let first = 0; first < facts.frameCount; first += batch) {
    if (signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
    const pages = Math.min(batch, facts.frameCount - first);
    const data = await sharp(file, { page: first, pages, failOn: "error" }).flatten().toColourspace("srgb").raw().toBuffer().catch((error: unknown) => {
      throw unreadable(file, error);
    });
    if (data.length !== pages * frameBytes) throw unreadable(file, new Error(`frames ${first + 1}–${first + pages} are not ${width}×${height}`));
    for (let page = 0; page < pages; page++) {
      const bytes = data.subarray(page * frameBytes, (page + 1) * frameBytes);
      yield { pixels: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), width, height };
    }
  }
}
