import { useCallback, useEffect, useRef, useState } from "react";
import { downloadUrl } from "../../download-file";
import { describeError } from "../../errors/describe-error";
import { useApi } from "../../store/context";
import type { AudioItem } from "../../../../shared/speech";
import { clipDownloadName, dataUrlToBlob } from "./audio-file";

/**
 * Plays one library clip: its bytes are read from the host on the first Play and kept as an
 * object URL; the position and the length come from the audio element itself.
 */
export function useClipPlayback(item: Pick<AudioItem, "id" | "name" | "file">) {
  const api = useApi();
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () => () => {
      const audio = audioRef.current;
      audio?.pause();
      if (audio) URL.revokeObjectURL(audio.src);
    },
    [],
  );

  const load = useCallback(async (): Promise<HTMLAudioElement> => {
    if (audioRef.current) return audioRef.current;
    const { dataUrl } = await api.audio.read({ id: item.id });
    const objectUrl = URL.createObjectURL(dataUrlToBlob(dataUrl));
    const audio = new Audio(objectUrl);
    audio.onloadedmetadata = () => setDuration(Number.isFinite(audio.duration) ? audio.duration : null);
    audio.ontimeupdate = () => setTime(audio.currentTime);
    audio.onplay = () => setPlaying(true);
    audio.onpause = () => setPlaying(false);
    audio.onended = () => setPlaying(false);
    audio.onerror = () => setError("This clip cannot be played here.");
    audioRef.current = audio;
    return audio;
  }, [api, item.id]);

  const toggle = useCallback(() => {
    setError(null);
    void (async () => {
      try {
        const audio = await load();
        if (audio.paused) await audio.play();
        else audio.pause();
      } catch (cause) {
        setError(`The clip did not play: ${describeError(cause)}`);
      }
    })();
  }, [load]);

  /** Saves the clip through the browser's download (the bytes are read on demand). */
  const download = useCallback(() => {
    setError(null);
    load().then(
      (audio) => downloadUrl(audio.src, clipDownloadName(item)),
      (cause: unknown) => setError(`The clip could not be downloaded: ${describeError(cause)}`),
    );
  }, [load, item]);

  return { playing, time, duration, error, toggle, download };
}
