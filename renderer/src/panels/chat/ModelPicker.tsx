import { useId } from "react";
import type { Conversation } from "../../../../shared/chat";
import type { ModelInfo } from "../../../../shared/models";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useInstalledModels } from "../../components/use-installed-models";
import { formatBytes, formatCount } from "../../format";
import { useApi, useApp } from "../../store/context";
import { useChatCommands } from "./use-chat";

function describeModel(model: ModelInfo): string {
  const context = model.contextLength ? ` · ${formatCount(model.contextLength)}-token context` : "";
  return `${model.name} — ${formatBytes(model.sizeBytes)}${context}`;
}

/** Chooses the model of the open conversation (or of the next new one). */
export function ModelPicker({ conversation }: { conversation: Conversation | undefined }) {
  const api = useApi();
  const selectId = useId();
  const hintId = useId();
  const { models, noModels } = useInstalledModels("llm");
  const setModels = useApp((s) => s.setModels);
  const draftModelId = useApp((s) => s.draft.modelId);
  const dataDir = useApp((s) => s.appInfo?.dataDir);
  const chat = useChatCommands();
  const { run, pending, error } = useAction();

  const selected = (conversation ? conversation.modelId : draftModelId) ?? "";
  const missing = selected !== "" && !models.some((model) => model.id === selected);

  return (
    <div className="model-picker">
      <label htmlFor={selectId}>Model</label>
      <select
        id={selectId}
        value={selected}
        aria-describedby={noModels ? hintId : undefined}
        onChange={(event) => void run(() => chat.updateSettings({ modelId: event.target.value || null }))}
      >
        <option value="">Choose a model…</option>
        {missing && <option value={selected}>{selected} (not installed)</option>}
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {describeModel(model)}
          </option>
        ))}
      </select>
      <button type="button" disabled={pending} onClick={() => void run(async () => setModels(await api.models.refresh({})))}>
        Refresh models
      </button>
      {noModels && (
        <p id={hintId} className="hint">
          No models: put .gguf files in {dataDir ? `${dataDir}/models` : "<data>/models"}, then press Refresh models.
        </p>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}
