import { useId, useRef, useState, type DragEvent } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { AUDIO_ACCEPT } from "./audio-file";
import { RecordControl } from "./RecordControl";
import { useAudioImport } from "./use-audio-import";

function hasFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes("Files");
}

/** Where clips come from: a file (chosen or dropped) or the microphone. */
export function AudioSource() {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { importBlob, importFiles, pending, error } = useAudioImport();

  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    void importFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <div
      className={dragging ? "audio-source drop-zone dragging" : "audio-source drop-zone"}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={inputId}>Audio file</label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={AUDIO_ACCEPT}
        aria-describedby={hintId}
        disabled={pending}
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          void importFiles(files).finally(() => {
            if (input.current) input.current.value = "";
          });
        }}
      />
      <p id={hintId} className="hint">
        WAV, MP3, M4A, OGG, FLAC or WEBM — or drop a file here.
      </p>
      <RecordControl disabled={pending} onRecorded={(blob, name) => void importBlob(blob, name, "recording")} />
      {pending && (
        <p className="muted" role="status">
          Adding the clip…
        </p>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
