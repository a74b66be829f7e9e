import { useId, useState } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { formatClock } from "./time-format";
import type { WaveformPlayer } from "./use-waveform";

const MAX_ZOOM = 300;

/** The waveform with its transport: Play/Pause, the playhead, and zoom (0 fits the clip in the width). */
export function Waveform({ player, name, loading }: { player: WaveformPlayer; name: string; loading: boolean }) {
  const zoomId = useId();
  const [zoom, setZoom] = useState(0);
  const busy = loading || !player.ready;
  return (
    <div className="waveform">
      <div ref={player.containerRef} className="waveform-canvas" role="group" aria-label={`Waveform of ${name}`} aria-busy={busy} />
      {busy && !player.error && <p className="muted waveform-loading">Drawing the waveform…</p>}
      {player.error && <ErrorMessage>{player.error}</ErrorMessage>}
      <div className="transport">
        <button type="button" className="primary" disabled={!player.ready} onClick={player.toggle}>
          {player.playing ? "Pause" : "Play"}
        </button>
        <span className="playhead" role="timer" aria-label="Playback position">
          {formatClock(player.time)} / {formatClock(player.duration)}
        </span>
        <label htmlFor={zoomId} className="inline-label">
          Zoom
        </label>
        <input
          id={zoomId}
          type="range"
          min={0}
          max={MAX_ZOOM}
          step={10}
          value={zoom}
          disabled={!player.ready}
          aria-valuetext={zoom === 0 ? "Whole clip" : `${zoom} pixels per second`}
          onChange={(event) => {
            const value = Number(event.target.value);
            setZoom(value);
            player.zoom(value);
          }}
        />
      </div>
    </div>
  );
}
