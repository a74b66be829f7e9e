/** 3.25 → "0:03.2", 3725.5 → "1:02:05.5": the clock a media player shows, to a tenth of a second. */
export function formatClock(seconds: number): string {
  const tenths = Math.floor((Number.isFinite(seconds) && seconds > 0 ? seconds : 0) * 10 + 1e-6);
  const hours = Math.floor(tenths / 36_000);
  const minutes = Math.floor((tenths % 36_000) / 600);
  const secs = ((tenths % 600) / 10).toFixed(1).padStart(4, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

/** "0:01.2 – 0:03.4". */
export function formatSpan(start: number, end: number): string {
  return `${formatClock(start)} – ${formatClock(end)}`;
}

/** Whole seconds as a recorder shows them: 7 → "0:07", 65 → "1:05". */
export function formatElapsed(seconds: number): string {
  const whole = Math.floor(Math.max(0, seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** A duration in words for labels: 0.4 → "0.4 s", 75 → "1 min 15 s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "unknown length";
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
