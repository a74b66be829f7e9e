import { useId } from "react";
import type { AudioItem } from "../../../../shared/speech";
import { ErrorMessage } from "../../components/ErrorMessage";
import { formatClock, formatDuration } from "./time-format";
import { useClipPlayback } from "./use-clip-playback";

/** One synthesized clip: its text, voice and length, Play/Pause, and a download. */
export function GeneratedClip({ item, voiceName, fresh }: { item: AudioItem; voiceName: string; fresh: boolean }) {
  const titleId = useId();
  const playback = useClipPlayback(item);
  return (
    <li className={fresh ? "generated-clip fresh" : "generated-clip"} aria-labelledby={titleId}>
      <p id={titleId} className="generated-text">
        {item.text ?? item.name}
      </p>
      <p className="muted generated-facts">
        {voiceName} · {formatDuration(item.durationSeconds)} · {item.file.split(".").pop()?.toUpperCase()}
      </p>
      <div className="generated-actions">
        <button type="button" className={fresh ? "primary" : undefined} aria-describedby={titleId} onClick={playback.toggle}>
          {playback.playing ? "Pause" : "Play"}
        </button>
        {playback.duration !== null && (
          <span className="playhead" role="timer" aria-label="Playback position">
            {formatClock(playback.time)} / {formatClock(playback.duration)}
          </span>
        )}
        <button type="button" className="quiet" aria-describedby={titleId} onClick={playback.download}>
          Download
        </button>
      </div>
      {playback.error && <ErrorMessage>{playback.error}</ErrorMessage>}
    </li>
  );
}
