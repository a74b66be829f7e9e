import { useCallback, useEffect, useRef, useState } from "react";
import type { Transcript } from "../../../../shared/speech";
import { describeError } from "../../errors/describe-error";
import { useApi, useAppStore } from "../../store/context";
import { applyDrafts, hasDrafts, pendingDrafts, type SegmentDrafts } from "./transcript-edits";

/** How long typing must pause before an edit is saved. */
export const SAVE_DELAY_MS = 700;

export type SaveState = "idle" | "pending" | "saving" | "saved";

/**
 * Segment text edits, saved with speech.updateTranscript once typing pauses (and when the
 * editor closes); the host's answer replaces the transcript, and only newer typing stays a draft.
 */
export function useTranscriptEdits(transcript: Transcript) {
  const api = useApi();
  const store = useAppStore();
  const [drafts, setDrafts] = useState<SegmentDrafts>({});
  const [saveState, setSaveState] = useState<SaveState>("idle");
  const [error, setError] = useState<string | null>(null);
  const draftsRef = useRef(drafts);
  const transcriptRef = useRef(transcript);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  draftsRef.current = drafts;
  transcriptRef.current = transcript;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const sent = draftsRef.current;
    if (!hasDrafts(sent)) return;
    const current = transcriptRef.current;
    setSaveState("saving");
    setError(null);
    try {
      const saved = await api.speech.updateTranscript({ id: current.id, segments: applyDrafts(current.segments, sent) });
      store.getState().putTranscript(saved);
      setDrafts((latest) => pendingDrafts(latest, saved.segments));
      setSaveState("saved");
    } catch (cause) {
      setError(`Your edit was not saved: ${describeError(cause)}`);
      setSaveState("idle");
    }
  }, [api, store]);

  const edit = useCallback(
    (segmentId: number, text: string) => {
      setDrafts((latest) => ({ ...latest, [segmentId]: text }));
      setSaveState("pending");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the clip (or the panel) saves what was typed instead of dropping it.
  useEffect(() => () => void flush(), [flush]);

  return { segments: applyDrafts(transcript.segments, drafts), edit, flush, saveState, error };
}
