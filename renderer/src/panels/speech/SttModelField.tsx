import { useId } from "react";
import { formatBytes } from "../../format";
import { useApp } from "../../store/context";

/** The installed speech-to-text models; with none, a way to the catalog. */
export function SttModelField({ value, onChange }: { value: string; onChange(modelId: string): void }) {
  const id = useId();
  const hintId = useId();
  const allModels = useApp((s) => s.models);
  const modelsKnown = useApp((s) => s.modelsKnown);
  const showPanel = useApp((s) => s.showPanel);
  const showModelsTab = useApp((s) => s.showModelsTab);
  const models = allModels.filter((model) => model.family === "stt");
  const noModels = modelsKnown && models.length === 0;
  const missing = value !== "" && !models.some((model) => model.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>Model</label>
      <select id={id} value={value} aria-describedby={noModels ? hintId : undefined} onChange={(event) => onChange(event.target.value)}>
        <option value="">Choose a model…</option>
        {missing && <option value={value}>{value} (not installed)</option>}
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name} — {formatBytes(model.sizeBytes)}
          </option>
        ))}
      </select>
      {noModels && (
        <div id={hintId} className="hint">
          <p>No speech-to-text models installed yet. Get Whisper from the catalog.</p>
          <button
            type="button"
            onClick={() => {
              showModelsTab("catalog");
              showPanel("models");
            }}
          >
            Open the model catalog
          </button>
        </div>
      )}
    </div>
  );
}
