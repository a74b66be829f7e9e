import { useCallback, useEffect, useRef, useState } from "react";
import { microphoneErrorMessage } from "./microphone-errors";

export type RecorderState = "idle" | "asking" | "recording";

/** Records from the microphone with MediaRecorder; hands the finished recording to `onRecorded`. */
export function useRecorder(onRecorded: (recording: Blob) => void) {
  const [state, setState] = useState<RecorderState>("idle");
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const onRecordedRef = useRef(onRecorded);
  onRecordedRef.current = onRecorded;

  const start = useCallback(async () => {
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
      setError("This window cannot record audio: the page is not a secure context or the browser lacks MediaRecorder.");
      return;
    }
    setState("asking");
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (cause) {
      setError(microphoneErrorMessage(cause));
      setState("idle");
      return;
    }
    const recorder = new MediaRecorder(stream);
    const parts: Blob[] = [];
    const startedAt = performance.now();
    const ticker = setInterval(() => setElapsed((performance.now() - startedAt) / 1000), 250);
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) parts.push(event.data);
    };
    recorder.onstop = () => {
      clearInterval(ticker);
      for (const track of stream.getTracks()) track.stop();
      recorderRef.current = null;
      setState("idle");
      if (parts.length > 0) onRecordedRef.current(new Blob(parts, { type: recorder.mimeType || "audio/webm" }));
      else setError("Nothing was recorded.");
    };
    recorderRef.current = recorder;
    setElapsed(0);
    recorder.start(500);
    setState("recording");
  }, []);

  const stop = useCallback(() => recorderRef.current?.stop(), []);

  // Leaving the panel mid-recording releases the microphone.
  useEffect(() => () => recorderRef.current?.stop(), []);

  return { state, elapsed, error, start, stop };
}
