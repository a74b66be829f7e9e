import { AppError } from "../../../../shared/errors";
import type { RgbImage } from "../../image/image-codec";
import type { HandlerContext } from "../../worker-runtime";
import { fromPaddedPlanar, padTo, toPaddedPlanar } from "./padding";
import { RIFE_PAD_MULTIPLE, runRife, type LoadedRife } from "./rife-model";

export const INTERPOLATION_FACTORS = [2, 4] as const;
export type InterpolationFactor = (typeof INTERPOLATION_FACTORS)[number];

/** One step per pair of neighbouring source frames. */
export interface InterpolateProgress {
  step: number;
  total: number;
}

/** Frames to interpolate, read one at a time so a long clip never sits in memory whole. */
export interface FrameSource {
  count: number;
  frames: AsyncIterable<RgbImage>;
}

/**
 * Where RIFE draws the new frames between two neighbours: ×2 at 0.5; ×4 at 0.25, 0.5 and 0.75
 * (the model takes the time as an input, so each is one call from the two real frames).
 */
export function timestepsFor(factor: InterpolationFactor): number[] {
  return Array.from({ length: factor - 1 }, (_, i) => (i + 1) / factor);
}

/** F frames become (F − 1)·factor + 1: 2F − 1 for ×2, 4F − 3 for ×4. */
export function interpolatedCount(frames: number, factor: InterpolationFactor): number {
  return (frames - 1) * factor + 1;
}

interface Prepared {
  planar: Float32Array;
}

/** Receives the frames in order; `sourceIndex` says which source frame this is, undefined for a new one. */
export type FrameSink = (frame: RgbImage, sourceIndex: number | undefined) => Promise<void>;

/**
 * Hands `sink` the source frames unchanged with RIFE's frames between each pair, in order.
 * Frames are padded to multiples of 32 for the model and cropped back; progress after each pair;
 * a cancel is honoured before every model call.
 */
export async function interpolateFrames(
  rife: LoadedRife,
  source: FrameSource,
  factor: InterpolationFactor,
  { signal, emit }: HandlerContext<InterpolateProgress>,
  sink: FrameSink,
): Promise<{ count: number; width: number; height: number }> {
  if (source.count < 2) throw new AppError("INVALID_INPUT", "Interpolation needs a clip of at least two frames.");
  const times = timestepsFor(factor);
  const total = source.count - 1;
  let size: { width: number; height: number; paddedWidth: number; paddedHeight: number } | undefined;
  let previous: Prepared | undefined;
  let seen = 0;
  let written = 0;
  for await (const frame of source.frames) {
    if (++seen > source.count) throw new AppError("INVALID_INPUT", `The clip was announced with ${source.count} frames but holds more.`);
    size ??= { width: frame.width, height: frame.height, paddedWidth: padTo(frame.width, RIFE_PAD_MULTIPLE), paddedHeight: padTo(frame.height, RIFE_PAD_MULTIPLE) };
    if (frame.width !== size.width || frame.height !== size.height) {
      throw new AppError("INVALID_INPUT", `Frame ${seen} is ${frame.width}×${frame.height}; every frame of the clip must be ${size.width}×${size.height}.`);
    }
    const { width, height, paddedWidth, paddedHeight } = size;
    const current: Prepared = { planar: toPaddedPlanar(frame, paddedWidth, paddedHeight) };
    if (previous) {
      for (const time of times) {
        if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
        const between = await runRife(rife, previous.planar, current.planar, time, paddedWidth, paddedHeight);
        await sink(fromPaddedPlanar(between, paddedWidth, paddedHeight, width, height), undefined);
        written++;
      }
      emit({ step: seen - 1, total });
    }
    await sink(frame, seen - 1);
    written++;
    previous = current;
  }
  if (!size || seen !== source.count) throw new AppError("INVALID_INPUT", `The clip was announced with ${source.count} frames but held ${seen}.`);
  return { count: written, width: size.width, height: size.height };
}
