import { ErrorMessage } from "../../components/ErrorMessage";
import { recordingName } from "./audio-file";
import { formatElapsed } from "./time-format";
import { useRecorder } from "./use-recorder";

/** "Record" / "Stop recording" with the time recorded so far; the recording is imported as kind "recording". */
export function RecordControl({ onRecorded, disabled }: { onRecorded(blob: Blob, name: string): void; disabled: boolean }) {
  const recorder = useRecorder((blob) => onRecorded(blob, recordingName(new Date())));
  const recording = recorder.state === "recording";
  return (
    <div className="record-control">
      {recording ? (
        <button type="button" className="danger" onClick={recorder.stop}>
          Stop recording
        </button>
      ) : (
        <button type="button" disabled={disabled || recorder.state === "asking"} onClick={() => void recorder.start()}>
          Record
        </button>
      )}
      {recording && (
        <span className="recording-time" role="timer" aria-label="Time recorded">
          <span className="recording-dot" aria-hidden="true" />
          {formatElapsed(recorder.elapsed)}
        </span>
      )}
      {recorder.state === "asking" && <span className="muted">Waiting for microphone permission…</span>}
      {recorder.error && <ErrorMessage>{recorder.error}</ErrorMessage>}
    </div>
  );
}
