import { useEffect, useMemo, useRef, useSyncExternalStore, type KeyboardEvent } from "react";
import type { ClipItem } from "../../../../shared/video";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useApi } from "../../store/context";
import { ClipFrameLoader } from "./clip-frame-loader";
import { PlayerControls } from "./PlayerControls";
import { useClipPlayback } from "./use-clip-playback";

/** Keys the player's own controls use already (a slider's arrows, a select's letters), left to them. */
function ownsArrowKeys(target: EventTarget): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/** The selected clip on a canvas, frame by frame at its fps; ←/→ step a frame, Space plays and pauses. */
export function ClipPlayer({ clip }: { clip: ClipItem }) {
  const api = useApi();
  const { id, frameCount, width, height } = clip;
  const loader = useMemo(() => new ClipFrameLoader(api, { id, frameCount, width, height }), [api, id, frameCount, width, height]);
  useEffect(() => {
    loader.open();
    return () => loader.close();
  }, [loader]);
  const version = useSyncExternalStore(loader.subscribe, loader.getVersion);
  const playback = useClipPlayback(loader, clip.frameCount, clip.fps);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const shown = loader.has(playback.frame);

  useEffect(() => {
    const image = loader.frame(playback.frame);
    const context = canvasRef.current?.getContext("2d");
    if (image && context) context.drawImage(image, 0, 0, clip.width, clip.height);
  }, [loader, playback.frame, version, clip.width, clip.height]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.key === "ArrowLeft" || event.key === "ArrowRight") && !ownsArrowKeys(event.target)) {
      event.preventDefault();
      playback.step(event.key === "ArrowLeft" ? -1 : 1);
    } else if (event.key === " " && event.target === event.currentTarget) {
      event.preventDefault();
      playback.togglePlay();
    }
  };

  return (
    <div className="clip-player" role="group" aria-label={`Player: ${clip.name}`} tabIndex={0} onKeyDown={onKeyDown} aria-keyshortcuts="ArrowLeft ArrowRight Space">
      <div className="clip-screen">
        <canvas
          ref={canvasRef}
          width={clip.width}
          height={clip.height}
          role="img"
          aria-label={`${clip.name}: frame ${playback.frame + 1} of ${clip.frameCount}`}
          style={{ aspectRatio: `${clip.width} / ${clip.height}` }}
        />
        {!shown && !loader.error && <span className="clip-buffering">Loading frames…</span>}
      </div>
      <PlayerControls playback={playback} frameCount={clip.frameCount} fps={clip.fps} />
      {loader.error && <ErrorMessage>{loader.error}</ErrorMessage>}
    </div>
  );
}
