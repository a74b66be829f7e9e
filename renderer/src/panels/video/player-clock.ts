/** How a clip plays: its frame rate, the speed factor, its length, and whether it starts over at the end. */
export interface PlaybackRate {
  fps: number;
  speed: number;
  frameCount: number;
  loop: boolean;
}

export interface ClockState {
  frame: number;
  /** Time already spent on the current frame, in ms of clip time. */
  carryMs: number;
}

export interface ClockTick extends ClockState {
  /** The last frame was reached without looping: playback stops there. */
  ended: boolean;
}

export const SPEEDS = [0.25, 0.5, 1, 2] as const;

/** A pause longer than this (a hidden tab, a stalled machine) is not caught up frame by frame. */
export const MAX_TICK_MS = 250;

/**
 * Advances playback by `elapsedMs` of wall time (one requestAnimationFrame interval): frames pass at
 * fps × speed, leftover time carries to the next tick so the rate holds whatever the display's refresh.
 */
export function tick(state: ClockState, elapsedMs: number, rate: PlaybackRate): ClockTick {
  const { fps, speed, frameCount, loop } = rate;
  if (frameCount <= 1 || !(fps > 0) || !(speed > 0)) return { frame: 0, carryMs: 0, ended: !loop };
  const frameMs = 1000 / fps;
  let carryMs = state.carryMs + Math.min(Math.max(0, elapsedMs), MAX_TICK_MS) * speed;
  const passed = Math.floor(carryMs / frameMs);
  carryMs -= passed * frameMs;
  const next = state.frame + passed;
  if (next < frameCount) return { frame: next, carryMs, ended: false };
  if (loop) return { frame: next % frameCount, carryMs, ended: false };
  return { frame: frameCount - 1, carryMs: 0, ended: true };
}

/** One frame forward or back (← / →): wraps around when looping, stops at either end otherwise. */
export function stepFrame(frame: number, delta: number, frameCount: number, loop: boolean): number {
  if (frameCount <= 0) return 0;
  const next = frame + delta;
  if (loop) return ((next % frameCount) + frameCount) % frameCount;
  return Math.min(frameCount - 1, Math.max(0, next));
}

/** Play from the start again when Play is pressed on the last frame of a clip that does not loop. */
export function startFrame(frame: number, frameCount: number, loop: boolean): number {
  return !loop && frame >= frameCount - 1 ? 0 : frame;
}

/** "0:01.25 / 0:02.00": where playback is, in clip time. */
export function timeText(frame: number, frameCount: number, fps: number): string {
  const format = (seconds: number) => {
    const minutes = Math.floor(seconds / 60);
    return `${minutes}:${(seconds - minutes * 60).toFixed(2).padStart(5, "0")}`;
  };
  return `${format(frame / fps)} / ${format(frameCount / fps)}`;
}
