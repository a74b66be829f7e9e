import type { TranscriptSegment } from "../../../../shared/speech";
import type { WhisperSpecials } from "./whisper-config";

/** Seconds per timestamp token. */
export const TIMESTAMP_STEP = 0.02;

export interface WindowSpan {
  /** Where the window starts in the whole audio, seconds. */
  offset: number;
  /** How much audio the window holds, seconds. */
  duration: number;
}

export type TimedText = Omit<TranscriptSegment, "id">;

/**
 * Turns one window's tokens into timed segments: text between a starting and an ending
 * timestamp is one segment (`<|0.00|> Hello <|1.20|><|1.20|> world <|2.00|>`). Text with no
 * closing timestamp runs to the end of the window; text with no opening one starts where
 * the previous segment ended. Times are shifted by the window's offset and kept inside it.
 */
export function windowSegments(
  tokens: readonly number[],
  specials: Pick<WhisperSpecials, "eot" | "timestampBegin">,
  window: WindowSpan,
  decode: (ids: readonly number[]) => string,
): TimedText[] {
  const segments: TimedText[] = [];
  let start: number | undefined;
  let lastEnd = 0;
  let text: number[] = [];
  const push = (end: number): void => {
    const content = decode(text).trim();
    const from = start ?? lastEnd;
    if (content) {
      segments.push({
        start: round(window.offset + Math.min(from, window.duration)),
        end: round(window.offset + Math.min(Math.max(end, from), window.duration)),
        text: content,
      });
    }
    lastEnd = end;
    text = [];
    start = undefined;
  };
  for (const token of tokens) {
    if (token === specials.eot) break;
    if (token >= specials.timestampBegin) {
      const time = (token - specials.timestampBegin) * TIMESTAMP_STEP;
      if (text.length > 0) push(time);
      else start = time;
    } else {
      text.push(token);
    }
  }
  if (text.length > 0) push(window.duration);
  return segments;
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;
