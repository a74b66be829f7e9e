import { useId } from "react";
import { CatalogHint } from "../../components/CatalogHint";
import { useApp } from "../../store/context";
import { languageName } from "./whisper-languages";

/** Voice (with its language), speaker for multi-speaker voices, and speed. */
export function VoiceFields() {
  const voiceId = useId();
  const speakerId = useId();
  const speedId = useId();
  const hintId = useId();
  const form = useApp((s) => s.speakForm);
  const setForm = useApp((s) => s.setSpeakForm);
  const voices = useApp((s) => s.voices);
  const voicesKnown = useApp((s) => s.voicesKnown);
  const voice = voices.find((candidate) => candidate.id === form.voiceId);
  const noVoices = voicesKnown && voices.length === 0;
  return (
    <>
      <div className="field">
        <label htmlFor={voiceId}>Voice</label>
        <select
          id={voiceId}
          value={form.voiceId}
          aria-describedby={noVoices ? hintId : undefined}
          onChange={(event) => setForm({ voiceId: event.target.value, speaker: "" })}
        >
          <option value="">Choose a voice…</option>
          {voices.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} — {languageName(candidate.language.split(/[-_]/)[0] ?? candidate.language)} ({candidate.language})
            </option>
          ))}
        </select>
        {noVoices && <CatalogHint id={hintId}>No voices installed yet. Get a Piper voice or Kokoro from the catalog.</CatalogHint>}
      </div>
      {voice && voice.speakers.length > 0 && (
        <div className="field">
          <label htmlFor={speakerId}>Speaker</label>
          <select id={speakerId} value={form.speaker} onChange={(event) => setForm({ speaker: event.target.value })}>
            <option value="">Default ({voice.speakers[0]})</option>
            {voice.speakers.map((speaker) => (
              <option key={speaker} value={speaker}>
                {speaker}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={speedId}>Speed</label>
        <div className="slider-row">
          <input
            id={speedId}
            type="range"
            min={0.5}
            max={2}
            step={0.05}
            value={form.speed}
            aria-valuetext={`${form.speed.toFixed(2)} times normal speed`}
            onChange={(event) => setForm({ speed: Number(event.target.value) })}
          />
          <output htmlFor={speedId}>{form.speed.toFixed(2)}×</output>
        </div>
      </div>
    </>
  );
}
