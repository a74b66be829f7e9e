import type { TranscriptSegment } from "../../../../shared/speech";

/** Unsaved segment texts, by segment id. */
export type SegmentDrafts = Readonly<Record<number, string>>;

/** The segments with the drafts applied: what is saved, and what the editor shows. */
export function applyDrafts(segments: readonly TranscriptSegment[], drafts: SegmentDrafts): TranscriptSegment[] {
  return segments.map((segment) => {
    const draft = drafts[segment.id];
    return draft === undefined || draft === segment.text ? segment : { ...segment, text: draft };
  });
}

/** Drafts the saved transcript does not yet hold: typing that happened while a save was on its way. */
export function pendingDrafts(drafts: SegmentDrafts, saved: readonly TranscriptSegment[]): Record<number, string> {
  const savedText = new Map(saved.map((segment) => [segment.id, segment.text]));
  return Object.fromEntries(Object.entries(drafts).filter(([id, text]) => savedText.get(Number(id)) !== text));
}

export function hasDrafts(drafts: SegmentDrafts): boolean {
  return Object.keys(drafts).length > 0;
}
