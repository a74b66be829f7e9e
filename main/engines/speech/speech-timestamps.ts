import type { TimeSpan } from "../../../shared/speech";

/** Silero's `get_speech_timestamps` options, in its units. */
export interface SpeechTimestampOptions {
  threshold: number;
  /** Below this a speech region may end (silero: threshold - 0.15). */
  negThreshold: number;
  minSpeechMs: number;
  minSilenceMs: number;
  speechPadMs: number;
  maxSpeechSeconds: number;
}

export const DEFAULT_SPEECH_OPTIONS: SpeechTimestampOptions = {
  threshold: 0.5,
  negThreshold: 0.35,
  minSpeechMs: 250,
  minSilenceMs: 100,
  speechPadMs: 30,
  maxSpeechSeconds: Number.POSITIVE_INFINITY,
};

interface Region {
  start: number;
  end: number;
}

/**
 * Speech regions from per-window speech probabilities, following silero-vad's
 * `get_speech_timestamps` (v5) step for step, in samples: hysteresis between the two
 * thresholds, minimum silence and speech lengths, splitting over-long speech at the last
 * long-enough silence, then padding (half the gap when two regions are close).
 */
export function speechRegions(
  probabilities: ArrayLike<number>,
  totalSamples: number,
  sampleRate: number,
  windowSamples: number,
  options: SpeechTimestampOptions = DEFAULT_SPEECH_OPTIONS,
): TimeSpan[] {
  const minSpeech = (sampleRate * options.minSpeechMs) / 1000;
  const pad = (sampleRate * options.speechPadMs) / 1000;
  const maxSpeech = sampleRate * options.maxSpeechSeconds - windowSamples - 2 * pad;
  const minSilence = (sampleRate * options.minSilenceMs) / 1000;
  const minSilenceAtMaxSpeech = (sampleRate * 98) / 1000;

  const regions: Region[] = [];
  let triggered = false;
  let start = 0;
  let tempEnd = 0;
  let prevEnd = 0;
  let nextStart = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const probability = probabilities[i] ?? 0;
    const at = windowSamples * i;
    if (probability >= options.threshold && tempEnd) {
      tempEnd = 0;
      if (nextStart < prevEnd) nextStart = at;
    }
    if (probability >= options.threshold && !triggered) {
      triggered = true;
      start = at;
      continue;
    }
    if (triggered && at - start > maxSpeech) {
      if (prevEnd) {
        regions.push({ start, end: prevEnd });
        if (nextStart < prevEnd) triggered = false;
        else start = nextStart;
        prevEnd = nextStart = tempEnd = 0;
      } else {
        regions.push({ start, end: at });
        prevEnd = nextStart = tempEnd = 0;
        triggered = false;
        continue;
      }
    }
    if (probability < options.negThreshold && triggered) {
      if (!tempEnd) tempEnd = at;
      if (at - tempEnd > minSilenceAtMaxSpeech) prevEnd = tempEnd;
      if (at - tempEnd < minSilence) continue;
      if (tempEnd - start > minSpeech) regions.push({ start, end: tempEnd });
      prevEnd = nextStart = tempEnd = 0;
      triggered = false;
    }
  }
  if (triggered && totalSamples - start > minSpeech) regions.push({ start, end: totalSamples });
  padRegions(regions, pad, totalSamples);
  return regions.map((region) => ({ start: region.start / sampleRate, end: region.end / sampleRate }));
}

function padRegions(regions: Region[], pad: number, totalSamples: number): void {
  regions.forEach((region, i) => {
    if (i === 0) region.start = Math.floor(Math.max(0, region.start - pad));
    const next = regions[i + 1];
    if (!next) {
      region.end = Math.floor(Math.min(totalSamples, region.end + pad));
      return;
    }
    const silence = next.start - region.end;
    if (silence < 2 * pad) {
      region.end += Math.floor(silence / 2);
      next.start = Math.floor(Math.max(0, next.start - Math.floor(silence / 2)));
    } else {
      region.end = Math.floor(Math.min(totalSamples, region.end + pad));
      next.start = Math.floor(Math.max(0, next.start - pad));
    }
  });
}
