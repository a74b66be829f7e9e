import { useEffect, useState } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { describeError } from "../../errors/describe-error";
import { useApi, useApp, useAppStore } from "../../store/context";
import { GeneratedClips } from "./GeneratedClips";
import { SpeakForm } from "./SpeakForm";
import { SpeechJob } from "./SpeechJob";
import { useChunkPlayer } from "./use-chunk-player";

/** The speak job's result: the library clip it saved. */
function resultAudioId(result: unknown): string | null {
  if (typeof result !== "object" || result === null || !("audioId" in result)) return null;
  return typeof result.audioId === "string" ? result.audioId : null;
}

/** Text in, voice out: the form on the left; the job, live playback and the kept clips on the right. */
export function SpeakTab() {
  const api = useApi();
  const store = useAppStore();
  const jobId = useApp((s) => s.speakJobId);
  const job = useApp((s) => (s.speakJobId ? s.jobs[s.speakJobId] : undefined));
  const models = useApp((s) => s.models);
  const playback = useChunkPlayer(jobId);
  const [voicesError, setVoicesError] = useState<string | null>(null);
  const freshId = job?.status === "succeeded" ? resultAudioId(job.result) : null;

  // Voices are read from the installed TTS models: a new install or removal changes them.
  useEffect(() => {
    api.speech.voices({}).then(
      (voices) => {
        store.getState().setVoices(voices);
        setVoicesError(null);
      },
      (cause: unknown) => setVoicesError(`The voices could not be listed: ${describeError(cause)}`),
    );
  }, [api, store, models]);

  return (
    <div className="speak-layout">
      <div className="speak-settings">
        <SpeakForm />
        {voicesError && <ErrorMessage>{voicesError}</ErrorMessage>}
      </div>
      <div className="speak-results">
        {jobId && (
          <div className="speak-job">
            <SpeechJob jobId={jobId} unit="Sentence" doneText="Done — kept in the library" />
            <div className="form-actions">
              <p className="muted" role="status">
                {playback.playing ? `Playing sentence ${playback.playing.number} of ${playback.playing.total}` : ""}
              </p>
              {playback.playing && (
                <button type="button" onClick={playback.stop}>
                  Stop playback
                </button>
              )}
            </div>
            {playback.error && <ErrorMessage>{playback.error}</ErrorMessage>}
          </div>
        )}
        <GeneratedClips freshId={freshId} />
      </div>
    </div>
  );
}
