import { useId } from "react";
import type { Playback } from "./use-clip-playback";
import { SPEEDS, timeText } from "./player-clock";

/** Play/Pause, frame step, a scrub slider, loop and speed. */
export function PlayerControls({ playback, frameCount, fps }: { playback: Playback; frameCount: number; fps: number }) {
  const speedId = useId();
  const { frame, playing, loop, speed } = playback;
  return (
    <div className="player-controls">
      <div className="player-row">
        <button type="button" className="primary player-play" onClick={playback.togglePlay} aria-keyshortcuts="Space">
          {playing ? "Pause" : "Play"}
        </button>
        <button type="button" aria-label="Previous frame" title="Previous frame (←)" aria-keyshortcuts="ArrowLeft" onClick={() => playback.step(-1)}>
          ◀︎
        </button>
        <button type="button" aria-label="Next frame" title="Next frame (→)" aria-keyshortcuts="ArrowRight" onClick={() => playback.step(1)}>
          ▶︎
        </button>
        <input
          className="player-scrub"
          type="range"
          aria-label="Position"
          min={0}
          max={Math.max(0, frameCount - 1)}
          step={1}
          value={frame}
          aria-valuetext={`Frame ${frame + 1} of ${frameCount}`}
          onChange={(e) => {
            playback.pause();
            playback.seek(Number(e.target.value));
          }}
        />
      </div>
      <div className="player-row player-options">
        <span className="player-time muted">
          Frame {frame + 1} / {frameCount} · {timeText(frame, frameCount, fps)}
          {playback.buffering ? " · loading…" : ""}
        </span>
        <label className="checkbox">
          <input type="checkbox" checked={loop} onChange={(e) => playback.setLoop(e.target.checked)} />
          Loop
        </label>
        <span className="player-speed">
          <label htmlFor={speedId}>Speed</label>
          <select id={speedId} value={speed} onChange={(e) => playback.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </span>
      </div>
    </div>
  );
}
