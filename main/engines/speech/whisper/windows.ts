import type { TimeSpan } from "../../../../shared/speech";

/** A stretch of audio decoded as one Whisper window, in samples. */
export interface AudioWindow {
  start: number;
  end: number;
}

/**
 * Splits audio into windows of at most `maxSeconds` (Whisper's 30 s). With VAD speech
 * regions, each window starts at the next speech and ends at the end of the last speech
 * region that fits, so no window cuts a word and silence between windows is skipped (a
 * region longer than a window is cut hard). Without regions (no VAD model): back-to-back
 * fixed windows.
 */
export function planWindows(totalSamples: number, speech: readonly TimeSpan[] | undefined, sampleRate: number, maxSeconds = 30): AudioWindow[] {
  const max = Math.round(maxSeconds * sampleRate);
  const windows: AudioWindow[] = [];
  if (!speech) {
    for (let start = 0; start < totalSamples; start += max) windows.push({ start, end: Math.min(totalSamples, start + max) });
    return windows;
  }
  const regions = [...speech]
    .map((span) => ({ start: Math.max(0, Math.round(span.start * sampleRate)), end: Math.min(totalSamples, Math.round(span.end * sampleRate)) }))
    .filter((region) => region.end > region.start)
    .sort((a, b) => a.start - b.start);
  let cursor = 0;
  let index = 0;
  while (index < regions.length) {
    const region = regions[index];
    if (!region) break;
    const start = Math.max(cursor, region.start);
    if (region.end <= start) {
      index++;
      continue;
    }
    const limit = start + max;
    let end: number | undefined;
    while (index < regions.length && (regions[index]?.end ?? Infinity) <= limit) end = regions[index++]?.end;
    end ??= Math.min(limit, totalSamples);
    windows.push({ start, end });
    cursor = end;
  }
  return windows;
}
