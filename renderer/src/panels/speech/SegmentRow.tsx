import { memo } from "react";
import type { TranscriptSegment } from "../../../../shared/speech";
import { formatSpan } from "./time-format";

interface SegmentRowProps {
  segment: TranscriptSegment;
  number: number;
  active: boolean;
  onSeek(seconds: number): void;
  onEdit(segmentId: number, text: string): void;
}

/** One transcript segment: its times (a button that seeks there) and its editable text. */
export const SegmentRow = memo(function SegmentRow({ segment, number, active, onSeek, onEdit }: SegmentRowProps) {
  return (
    <li className={active ? "segment active" : "segment"} aria-current={active ? "true" : undefined}>
      <button type="button" className="segment-time" onClick={() => onSeek(segment.start)}>
        {formatSpan(segment.start, segment.end)}
      </button>
      <textarea
        className="segment-text"
        aria-label={`Segment ${number} text`}
        value={segment.text}
        rows={1}
        onClick={() => {
          // Clicking into another segment seeks there; clicking within the playing one just edits.
          if (!active) onSeek(segment.start);
        }}
        onChange={(event) => onEdit(segment.id, event.target.value)}
      />
    </li>
  );
});
