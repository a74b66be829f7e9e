import { useEffect, useId, type FormEvent } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { InstalledModelField } from "../../components/InstalledModelField";
import { useAction } from "../../components/use-action";
import { useApi, useApp, useAppStore } from "../../store/context";
import { isActiveJob } from "../../store/jobs-slice";
import { SpeechJob } from "./SpeechJob";
import { isEnglishOnlyModel, LANGUAGE_CHOICES } from "./whisper-languages";

/** Model, language and task for one clip, the Transcribe button, and the clip's transcription job. */
export function TranscribeForm({ audioId }: { audioId: string }) {
  const api = useApi();
  const store = useAppStore();
  const form = useApp((s) => s.transcribeForm);
  const setForm = useApp((s) => s.setTranscribeForm);
  const jobId = useApp((s) => s.transcribeJobs[audioId]);
  const job = useApp((s) => (jobId ? s.jobs[jobId] : undefined));
  const model = useApp((s) => s.models.find((candidate) => candidate.id === form.modelId && candidate.family === "stt"));
  const firstModelId = useApp((s) => s.models.find((candidate) => candidate.family === "stt")?.id);
  const languageId = useId();
  const taskId = useId();
  const lockHintId = useId();
  const { run, pending, error } = useAction();
  const englishOnly = model ? isEnglishOnlyModel(model) : false;
  const language = englishOnly ? "en" : form.language;
  const task = englishOnly ? "transcribe" : form.task;
  useEffect(() => {
    // With nothing chosen yet, the first installed model is the sensible default.
    if (form.modelId === "" && firstModelId) setForm({ modelId: firstModelId });
  }, [form.modelId, firstModelId, setForm]);
  const busy = pending || (job ? isActiveJob(job) : false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (!model) throw new Error("Choose a speech-to-text model first.");
      const { jobId: started } = await api.speech.transcribe({ audioId, modelId: model.id, language, task });
      store.getState().setTranscribeJob(audioId, started);
      // The job also arrives by event; asking keeps it right if that event came first.
      const found = (await api.jobs.list({})).find((candidate) => candidate.id === started);
      if (found) store.getState().putJob(found);
    });
  };

  return (
    <form className="transcribe-form" aria-label="Transcription settings" onSubmit={submit}>
      <div className="transcribe-fields">
        <InstalledModelField
          family="stt"
          value={form.modelId}
          noModelsText="No speech-to-text models installed yet. Get Whisper from the catalog."
          onChange={(modelId) => setForm({ modelId })}
        />
        <div className="field">
          <label htmlFor={languageId}>Language</label>
          <select
            id={languageId}
            value={language}
            disabled={englishOnly}
            aria-describedby={englishOnly ? lockHintId : undefined}
            onChange={(event) => setForm({ language: event.target.value })}
          >
            <option value="auto">Detect automatically</option>
            {LANGUAGE_CHOICES.map((choice) => (
              <option key={choice.code} value={choice.code}>
                {choice.name}
              </option>
            ))}
          </select>
          {englishOnly && (
            <p id={lockHintId} className="hint">
              This model understands English only.
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={taskId}>Task</label>
          <select
            id={taskId}
            value={task}
            disabled={englishOnly}
            onChange={(event) => setForm({ task: event.target.value === "translate" ? "translate" : "transcribe" })}
          >
            <option value="transcribe">Transcribe</option>
            <option value="translate">Translate to English</option>
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Transcribe
        </button>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {jobId && <SpeechJob jobId={jobId} unit="Window" doneText="Done — the transcript is below" />}
    </form>
  );
}
