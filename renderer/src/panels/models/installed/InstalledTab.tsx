import { useMemo } from "react";
import type { LoadedModel, ModelInfo } from "../../../../../shared/models";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useApp } from "../../../store/context";
import { ImportForm } from "./ImportForm";
import { InstalledRow } from "./InstalledRow";
import { useModelActions } from "./use-model-actions";
import { useModelFits } from "./use-model-fits";

function deleteMessage(model: ModelInfo, isLoaded: boolean): string {
  const unload = isLoaded ? " It is unloaded first." : "";
  if (model.imported === "link") return `Atelier will forget “${model.name}”; your file stays where it is.${unload}`;
  return `“${model.name}” will be removed from disk.${unload} This cannot be undone.`;
}

/** The installed models: load, unload, delete, refresh, and import from disk. */
export function InstalledTab() {
  const models = useApp((s) => s.models);
  const modelsKnown = useApp((s) => s.modelsKnown);
  const engines = useApp((s) => s.engines);
  const dataDir = useApp((s) => s.appInfo?.dataDir);
  const actions = useModelActions();
  const fits = useModelFits(models);
  const { confirmation } = actions;
  const loaded = useMemo(() => {
    const byId = new Map<string, LoadedModel>();
    for (const engine of engines) for (const model of engine.loaded) byId.set(model.modelId, model);
    return byId;
  }, [engines]);

  return (
    <div className="installed">
      <div className="panel-header">
        <p className="muted">
          Atelier also finds models put in {dataDir ? `${dataDir}/models` : "the models folder of its data directory"} and in
          the folders listed in Settings. Press Refresh after adding some.
        </p>
        <button type="button" disabled={actions.pending} onClick={actions.refresh}>
          Refresh
        </button>
      </div>
      {actions.error && <ErrorMessage>{actions.error}</ErrorMessage>}
      {!modelsKnown ? (
        <p className="muted">Loading models…</p>
      ) : models.length === 0 ? (
        <p>No models installed yet.</p>
      ) : (
        <table className="models-table">
          <caption className="visually-hidden">Installed models</caption>
          <thead>
            <tr>
              {["Name", "Family", "Format", "Size", "Fit", "Source", "Memory"].map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map((model) => (
              <InstalledRow
                key={model.id}
                model={model}
                fit={fits[model.id]}
                loaded={loaded.get(model.id)}
                busy={actions.pending}
                onLoad={() => actions.load(model)}
                onUnload={() => actions.unload(model)}
                onDelete={() => actions.askDelete(model)}
              />
            ))}
          </tbody>
        </table>
      )}
      <ImportForm />
      {confirmation?.kind === "delete" && (
        <ConfirmDialog
          title="Delete this model?"
          message={deleteMessage(confirmation.model, loaded.has(confirmation.model.id))}
          confirmLabel="Delete model"
          onConfirm={() => actions.remove(confirmation.model)}
          onCancel={actions.cancelConfirmation}
        />
      )}
      {confirmation?.kind === "load-anyway" && (
        <ConfirmDialog
          title="This model may not fit in memory"
          message={`${confirmation.reason} Loading it anyway may make it slow, or fail.`}
          confirmLabel="Load anyway"
          onConfirm={() => actions.load(confirmation.model, true)}
          onCancel={actions.cancelConfirmation}
        />
      )}
    </div>
  );
}
