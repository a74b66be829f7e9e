import { useCallback, useEffect, useRef, useState } from "react";
import type { ClipFrameLoader } from "./clip-frame-loader";
import { framesAhead } from "./frame-window";
import { startFrame, stepFrame, tick } from "./player-clock";

/** Frames fetched ahead of the one shown: about two seconds at 8 fps. */
const PREFETCH_AHEAD = 16;

export interface Playback {
  frame: number;
  playing: boolean;
  loop: boolean;
  speed: number;
  /** The frame to show is not loaded yet. */
  buffering: boolean;
  togglePlay(): void;
  pause(): void;
  step(delta: number): void;
  seek(frame: number): void;
  setLoop(loop: boolean): void;
  setSpeed(speed: number): void;
}

/**
 * Plays a clip's frames at its fps × speed, driven by requestAnimationFrame. A frame that has not
 * arrived yet holds playback on the one before (buffering) instead of skipping it.
 */
export function useClipPlayback(loader: ClipFrameLoader, frameCount: number, fps: number): Playback {
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(true);
  const [speed, setSpeed] = useState(1);
  const [buffering, setBuffering] = useState(false);
  const frameRef = useRef(0);
  frameRef.current = frame;

  useEffect(() => {
    loader.want(framesAhead(frame, frameCount, PREFETCH_AHEAD, loop));
  }, [loader, frame, frameCount, loop]);

  useEffect(() => {
    if (!playing) return;
    let handle = 0;
    let last: number | null = null;
    let carryMs = 0;
    const onFrame = (now: number) => {
      const elapsed = last === null ? 0 : now - last;
      last = now;
      const next = tick({ frame: frameRef.current, carryMs }, elapsed, { fps, speed, frameCount, loop });
      carryMs = next.carryMs;
      if (next.frame !== frameRef.current) {
        if (loader.has(next.frame)) {
          frameRef.current = next.frame;
          setFrame(next.frame);
          setBuffering(false);
        } else {
          carryMs = 0;
          setBuffering(true);
          loader.want(framesAhead(next.frame, frameCount, PREFETCH_AHEAD, loop));
        }
      }
      if (next.ended) {
        setPlaying(false);
        return;
      }
      handle = requestAnimationFrame(onFrame);
    };
    handle = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(handle);
  }, [playing, loader, fps, speed, frameCount, loop]);

  const pause = useCallback(() => {
    setPlaying(false);
    setBuffering(false);
  }, []);
  const togglePlay = useCallback(() => {
    if (playing) return pause();
    setFrame((current) => startFrame(current, frameCount, loop));
    setPlaying(true);
  }, [playing, pause, frameCount, loop]);
  const step = useCallback(
    (delta: number) => {
      pause();
      setFrame((current) => stepFrame(current, delta, frameCount, loop));
    },
    [pause, frameCount, loop],
  );
  const seek = useCallback((target: number) => setFrame(Math.min(frameCount - 1, Math.max(0, Math.round(target)))), [frameCount]);

  return { frame, playing, loop, speed, buffering, togglePlay, pause, step, seek, setLoop, setSpeed };
}
