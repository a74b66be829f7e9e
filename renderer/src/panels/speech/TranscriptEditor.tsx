import { useEffect, useMemo, useRef } from "react";
import type { Transcript } from "../../../../shared/speech";
import { ErrorMessage } from "../../components/ErrorMessage";
import { ExportControl } from "./ExportControl";
import { activeSegmentIndex } from "./segments";
import { SegmentRow } from "./SegmentRow";
import { languageName } from "./whisper-languages";
import { useTranscriptEdits, type SaveState } from "./use-transcript-edits";

const SAVE_LABELS: Record<SaveState, string> = { idle: "", pending: "Unsaved edits…", saving: "Saving…", saved: "All edits saved" };

interface TranscriptEditorProps {
  transcript: Transcript;
  time: number;
  playing: boolean;
  onSeek(seconds: number): void;
}

/**
 * The transcript as an editable list of segments, synced with playback: the segment under the
 * playhead is marked current and kept in view; a segment's time seeks there.
 */
export function TranscriptEditor({ transcript, time, playing, onSeek }: TranscriptEditorProps) {
  const { segments, edit, flush, saveState, error } = useTranscriptEdits(transcript);
  const active = useMemo(() => activeSegmentIndex(segments, time), [segments, time]);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    // Follow playback only while playing: a seek while editing must not yank the list around.
    if (playing && active >= 0) list.current?.children.item(active)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [active, playing]);

  const task = transcript.task === "translate" ? "translated to English" : "transcribed";
  return (
    <section className="transcript" aria-labelledby="transcript-title">
      <div className="transcript-header">
        <h2 id="transcript-title">Transcript</h2>
        <p className="muted">
          {languageName(transcript.language)}, {task} · {segments.length} segment{segments.length === 1 ? "" : "s"}
        </p>
        <span className="saved-note" role="status">
          {SAVE_LABELS[saveState]}
        </span>
        <ExportControl transcriptId={transcript.id} beforeExport={flush} />
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {segments.length === 0 ? (
        <p className="muted">No speech was recognized in this clip.</p>
      ) : (
        <ol ref={list} className="segment-list" aria-label="Transcript segments">
          {segments.map((segment, index) => (
            <SegmentRow
              key={segment.id}
              segment={segment}
              number={index + 1}
              active={index === active}
              onSeek={onSeek}
              onEdit={edit}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
