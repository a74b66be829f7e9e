import { useEffect, useState } from "react";
import type { TimeSpan } from "../../../../shared/speech";
import { describeError } from "../../errors/describe-error";
import { useApi, useApp, useAppStore } from "../../store/context";
import { latestTranscript } from "../../store/transcripts-slice";

const NO_REGIONS: readonly TimeSpan[] = [];

/**
 * What is known about a clip beyond its audio: its latest transcript (reloaded when its
 * transcription job finishes) and the speech regions to draw, from the transcript or, before
 * there is one, from the installed VAD.
 */
export function useClipAnalysis(audioId: string) {
  const api = useApi();
  const store = useAppStore();
  const transcript = useApp((s) => latestTranscript(s.transcripts, audioId));
  const detected = useApp((s) => s.speechRegions[audioId]);
  const vadModelId = useApp((s) => s.models.find((model) => model.family === "vad")?.id);
  const jobDone = useApp((s) => {
    const jobId = s.transcribeJobs[audioId];
    return jobId ? s.jobs[jobId]?.status === "succeeded" : false;
  });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.speech
      .transcripts({ audioId })
      .then((list) => current && store.getState().setClipTranscripts(audioId, list))
      .catch((cause: unknown) => current && setError(`The clip's transcripts could not be loaded: ${describeError(cause)}`));
    return () => {
      current = false;
    };
  }, [api, store, audioId, jobDone]);

  const needsDetection = !transcript?.speech.length && detected === undefined && vadModelId !== undefined;
  useEffect(() => {
    if (!needsDetection || !vadModelId) return;
    let current = true;
    api.audio
      .detectSpeech({ id: audioId, modelId: vadModelId })
      .then(({ speech }) => store.getState().setSpeechRegions(audioId, speech))
      .catch((cause: unknown) => current && setError(`Speech could not be found in the clip: ${describeError(cause)}`));
    return () => {
      current = false;
    };
  }, [api, store, audioId, vadModelId, needsDetection]);

  const regions = transcript?.speech.length ? transcript.speech : (detected ?? NO_REGIONS);
  return { transcript, regions, vadInstalled: vadModelId !== undefined, error };
}
