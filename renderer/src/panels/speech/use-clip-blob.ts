import { useEffect, useState } from "react";
import { describeError } from "../../errors/describe-error";
import { useApi } from "../../store/context";
import { dataUrlToBlob } from "./audio-file";

/** The clip's audio bytes from the host (audio.read), for the waveform and playback. */
export function useClipBlob(audioId: string | null): { blob: Blob | null; error: string | null } {
  const api = useApi();
  const [blob, setBlob] = useState<Blob | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setBlob(null);
    setError(null);
    if (!audioId) return;
    let current = true;
    api.audio
      .read({ id: audioId })
      .then(({ dataUrl }) => {
        if (current) setBlob(dataUrlToBlob(dataUrl));
      })
      .catch((cause: unknown) => {
        if (current) setError(`The clip could not be opened: ${describeError(cause)}`);
      });
    return () => {
      current = false;
    };
  }, [api, audioId]);
  return { blob, error };
}
