import type { AnimationKeyframe } from "./animate-types";

/** Where a frame lies among the keyframes: between `from` and `to` (indices), a fraction `t` of the way. */
export interface KeyframeSpan {
  from: number;
  to: number;
  /** In [0, 1); 0 exactly on a keyframe and before the first or after the last (held). */
  t: number;
}

/** The keyframe values that are interpolated; each keyframe may set any of them. */
export type KeyframedValue = "zoom" | "panX" | "panY" | "rotate" | "strength";

/** Keyframes in frame order (the schema has already refused two on one frame). */
export function sortKeyframes(keyframes: readonly AnimationKeyframe[]): AnimationKeyframe[] {
  return [...keyframes].sort((a, b) => a.frame - b.frame);
}

/** The span of sorted keyframe frames that `frame` falls in. Before the first and after the last, the nearest is held. */
export function keyframeSpan(keyframeFrames: readonly number[], frame: number): KeyframeSpan {
  const last = keyframeFrames.length - 1;
  if (last < 0) throw new RangeError("an animation needs at least one keyframe");
  if (frame <= (keyframeFrames[0] ?? 0)) return { from: 0, to: 0, t: 0 };
  if (frame >= (keyframeFrames[last] ?? 0)) return { from: last, to: last, t: 0 };
  let from = 0;
  while ((keyframeFrames[from + 1] ?? Number.POSITIVE_INFINITY) <= frame) from++;
  const start = keyframeFrames[from] ?? 0;
  const end = keyframeFrames[from + 1] ?? start;
  const t = (frame - start) / (end - start);
  return t === 0 ? { from, to: from, t } : { from, to: from + 1, t };
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/**
 * A keyframed value at `frame`: linear between the keyframes that set it, held before the first
 * and after the last of them; `fallback` when none sets it.
 */
export function keyframedValue(keyframes: readonly AnimationKeyframe[], key: KeyframedValue, frame: number, fallback: number): number {
  const points = keyframes.flatMap((keyframe) => {
    const value = keyframe[key];
    return value === undefined ? [] : [{ frame: keyframe.frame, value }];
  });
  if (points.length === 0) return fallback;
  const span = keyframeSpan(
    points.map((point) => point.frame),
    frame,
  );
  const from = points[span.from]?.value ?? fallback;
  return span.t === 0 ? from : lerp(from, points[span.to]?.value ?? from, span.t);
}

const SEEDS = 2 ** 32;

/** Frame n's own seed: seed + n · increment, wrapped into [0, 2³²). */
export function frameSeed(seed: number, increment: number, frame: number): number {
  return (((seed + frame * increment) % SEEDS) + SEEDS) % SEEDS;
}

/** A keyframe's seed: its own, else its frame's. */
export function keyframeSeed(keyframe: AnimationKeyframe, seed: number, increment: number): number {
  return keyframe.seed ?? frameSeed(seed, increment, keyframe.frame);
}
