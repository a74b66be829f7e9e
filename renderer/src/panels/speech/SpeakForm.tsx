import { useEffect, useId, type FormEvent } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useApi, useApp, useAppStore } from "../../store/context";
import { isActiveJob } from "../../store/jobs-slice";
import type { SpeakForm as SpeakValues } from "../../store/voices-slice";
import { VoiceFields } from "./VoiceFields";

const FORMATS: { value: SpeakValues["format"]; label: string }[] = [
  { value: "wav", label: "WAV" },
  { value: "mp3", label: "MP3" },
  { value: "ogg", label: "OGG" },
];

/** The text, the voice and how to say it; "Speak" starts a job whose sentences play as they arrive. */
export function SpeakForm() {
  const api = useApi();
  const store = useAppStore();
  const form = useApp((s) => s.speakForm);
  const setForm = useApp((s) => s.setSpeakForm);
  const firstVoiceId = useApp((s) => s.voices[0]?.id);
  const speakJob = useApp((s) => (s.speakJobId ? s.jobs[s.speakJobId] : undefined));
  const textId = useId();
  const formatId = useId();
  const { run, pending, error } = useAction();

  useEffect(() => {
    if (form.voiceId === "" && firstVoiceId) setForm({ voiceId: firstVoiceId, speaker: "" });
  }, [form.voiceId, firstVoiceId, setForm]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    void run(async () => {
      if (form.text.trim() === "") throw new Error("Type the text to speak first.");
      if (form.voiceId === "") throw new Error("Choose a voice first.");
      const { jobId } = await api.speech.speak({
        voiceId: form.voiceId,
        text: form.text,
        speed: form.speed,
        format: form.format,
        ...(form.speaker ? { speaker: form.speaker } : {}),
      });
      store.getState().setSpeakJob(jobId);
      const found = (await api.jobs.list({})).find((job) => job.id === jobId);
      if (found) store.getState().putJob(found);
    });
  };

  return (
    <form className="speak-form" aria-label="Speech settings" onSubmit={submit}>
      <div className="field">
        <label htmlFor={textId}>Text to speak</label>
        <textarea
          id={textId}
          rows={6}
          value={form.text}
          maxLength={50_000}
          onChange={(event) => setForm({ text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
          }}
        />
      </div>
      <VoiceFields />
      <div className="field">
        <label htmlFor={formatId}>Format</label>
        <select
          id={formatId}
          value={form.format}
          onChange={(event) => setForm({ format: FORMATS.find((format) => format.value === event.target.value)?.value ?? "wav" })}
        >
          {FORMATS.map((format) => (
            <option key={format.value} value={format.value}>
              {format.label}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending || (speakJob ? isActiveJob(speakJob) : false)}>
          Speak
        </button>
        <span className="hint">Ctrl+Enter in the text also speaks.</span>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </form>
  );
}
