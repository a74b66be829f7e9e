import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import WaveSurfer from "wavesurfer.js";
import RegionsPlugin from "wavesurfer.js/plugins/regions";
import TimelinePlugin from "wavesurfer.js/plugins/timeline";
import type { TimeSpan } from "../../../../shared/speech";
import { formatClock, formatDuration, formatSpan } from "./time-format";

export interface WaveformPlayer {
  containerRef: RefObject<HTMLDivElement | null>;
  ready: boolean;
  playing: boolean;
  /** The playhead, in seconds. */
  time: number;
  duration: number;
  error: string | null;
  toggle(): void;
  seek(seconds: number): void;
  /** Pixels per second; 0 fits the whole clip in the width. */
  zoom(pxPerSecond: number): void;
}

/** Playback ticks come every frame; the UI only needs to move when the playhead moves this much. */
const TIME_STEP = 0.05;

function cssColor(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Gives the drawn waveform a name, so it is found (and described) like any image. */
function labelCanvases(wavesurfer: WaveSurfer, label: string): void {
  const canvases = wavesurfer.getWrapper().querySelector('[part="canvases"]');
  canvases?.setAttribute("role", "img");
  canvases?.setAttribute("aria-label", label);
}

/**
 * A wavesurfer.js waveform of `blob` with the Regions plugin (speech regions, drawn as named
 * overlays) and the Timeline plugin; one instance per clip, destroyed when the clip changes.
 */
export function useWaveform(blob: Blob | null, name: string, regions: readonly TimeSpan[]): WaveformPlayer {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const wavesurferRef = useRef<WaveSurfer | null>(null);
  const regionsRef = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const [ready, setReady] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !blob) return;
    const regionsPlugin = RegionsPlugin.create();
    const wavesurfer = WaveSurfer.create({
      container,
      height: 112,
      waveColor: cssColor("--muted", "#5d6068"),
      progressColor: cssColor("--accent", "#3558c8"),
      cursorColor: cssColor("--text", "#1f2023"),
      cursorWidth: 2,
      normalize: true,
      dragToSeek: true,
      plugins: [regionsPlugin, TimelinePlugin.create({ height: 18, formatTimeCallback: formatClock })],
    });
    wavesurferRef.current = wavesurfer;
    regionsRef.current = regionsPlugin;
    setReady(false);
    setError(null);
    setTime(0);
    const unsubscribers = [
      wavesurfer.on("ready", (seconds) => {
        setDuration(seconds);
        labelCanvases(wavesurfer, `Waveform of ${name}, ${formatDuration(seconds)}`);
        setReady(true);
      }),
      wavesurfer.on("play", () => setPlaying(true)),
      wavesurfer.on("pause", () => setPlaying(false)),
      wavesurfer.on("finish", () => setPlaying(false)),
      wavesurfer.on("timeupdate", (seconds) => setTime((previous) => (Math.abs(previous - seconds) >= TIME_STEP ? seconds : previous))),
      wavesurfer.on("error", (cause) => setError(`The clip could not be drawn or played: ${cause.message}`)),
    ];
    // A superseded or destroyed load rejects too; the error event above reports real failures.
    wavesurfer.loadBlob(blob).catch(() => {});
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
      wavesurfer.destroy();
      wavesurferRef.current = null;
      regionsRef.current = null;
      setReady(false);
      setPlaying(false);
    };
  }, [blob, name]);

  useEffect(() => {
    const plugin = regionsRef.current;
    if (!plugin || !ready) return;
    plugin.clearRegions();
    for (const span of regions) {
      const region = plugin.addRegion({ start: span.start, end: span.end, drag: false, resize: false, color: "rgb(53 88 200 / 16%)" });
      region.element?.setAttribute("role", "img");
      region.element?.setAttribute("aria-label", `Speech from ${formatSpan(span.start, span.end)}`);
    }
  }, [regions, ready]);

  const toggle = useCallback(() => {
    void wavesurferRef.current?.playPause().catch((cause: unknown) => setError(`Playback did not start: ${String(cause)}`));
  }, []);
  const seek = useCallback((seconds: number) => {
    const wavesurfer = wavesurferRef.current;
    if (!wavesurfer) return;
    wavesurfer.setTime(seconds);
    setTime(seconds);
  }, []);
  const zoom = useCallback(
    (pxPerSecond: number) => {
      if (ready) wavesurferRef.current?.zoom(pxPerSecond);
    },
    [ready],
  );

  return { containerRef, ready, playing, time, duration, error, toggle, seek, zoom };
}
