import type { TimeSpan } from "../../../../shared/speech";

/**
 * The index of the segment playing at `time` (start ≤ time < end), or -1 in a gap.
 * Segments come in time order, so a binary search keeps this cheap at every playback tick.
 */
export function activeSegmentIndex(segments: readonly TimeSpan[], time: number): number {
  let low = 0;
  let high = segments.length - 1;
  let candidate = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    if (!segment) break;
    if (segment.start <= time) {
      candidate = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const found = segments[candidate];
  return found && time < found.end ? candidate : -1;
}

/** "1 speech region" / "3 speech regions". */
export function countRegions(count: number): string {
  return `${count} speech region${count === 1 ? "" : "s"}`;
}
