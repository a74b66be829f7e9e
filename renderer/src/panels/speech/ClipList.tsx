import { useState } from "react";
import type { AudioItem } from "../../../../shared/speech";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useApi, useApp } from "../../store/context";
import { formatDuration } from "./time-format";

const KIND_LABELS: Record<AudioItem["kind"], string> = { upload: "File", recording: "Recording", speech: "Spoken" };

/** The audio library: choose a clip to open it, or delete it (with its transcripts). */
export function ClipList() {
  const api = useApi();
  const items = useApp((s) => s.audioItems);
  const known = useApp((s) => s.audioKnown);
  const selectedId = useApp((s) => s.selectedAudioId);
  const selectAudio = useApp((s) => s.selectAudio);
  const removeAudioItem = useApp((s) => s.removeAudioItem);
  const [deleting, setDeleting] = useState<AudioItem | null>(null);
  const { run, error } = useAction();

  const confirmDelete = (item: AudioItem) => {
    setDeleting(null);
    void run(async () => {
      await api.audio.delete({ id: item.id });
      removeAudioItem(item.id);
    });
  };

  return (
    <section className="clip-list" aria-labelledby="clips-title">
      <h2 id="clips-title">Audio clips</h2>
      {known && items.length === 0 && <p className="muted">No clips yet. Add a file or record one.</p>}
      <ul aria-labelledby="clips-title">
        {items.map((item) => (
          <li key={item.id} className={item.id === selectedId ? "clip selected" : "clip"}>
            <button type="button" className="clip-open" aria-current={item.id === selectedId ? "true" : undefined} onClick={() => selectAudio(item.id)}>
              <span className="clip-name">{item.name}</span>{" "}
              <span className="clip-facts muted">
                {KIND_LABELS[item.kind]} · {formatDuration(item.durationSeconds)}
              </span>
            </button>
            <button type="button" className="quiet" aria-label={`Delete ${item.name}`} onClick={() => setDeleting(item)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {deleting && (
        <ConfirmDialog
          title="Delete this clip?"
          message={`“${deleting.name}” and its transcripts will be removed from the library.`}
          confirmLabel="Delete clip"
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
