import { useMemo, useState } from "react";
import type { LoadedModel, ModelInfo } from "../../../../shared/models";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useAction } from "../../components/use-action";
import { useApi, useApp } from "../../store/context";
import { ModelRow } from "./ModelRow";

/** The installed models. Browsing and downloading new ones comes with the model library. */
export function ModelsPanel() {
  const api = useApi();
  const models = useApp((s) => s.models);
  const engines = useApp((s) => s.engines);
  const setModels = useApp((s) => s.setModels);
  const dataDir = useApp((s) => s.appInfo?.dataDir);
  const [deleting, setDeleting] = useState<ModelInfo | null>(null);
  const { run, pending, error } = useAction();
  const loaded = useMemo(() => {
    const byId = new Map<string, LoadedModel>();
    for (const engine of engines) for (const model of engine.loaded) byId.set(model.modelId, model);
    return byId;
  }, [engines]);

  const refresh = () => void run(async () => setModels(await api.models.refresh({})));
  const unload = (id: string) => void run(async () => void (await api.models.unload({ id })));
  const remove = (model: ModelInfo) =>
    void run(async () => {
      setDeleting(null);
      await api.models.delete({ id: model.id });
      setModels(await api.models.list({}));
    });

  return (
    <section className="panel-content" aria-labelledby="models-title">
      <div className="panel-header">
        <h1 id="models-title">Models</h1>
        <button type="button" disabled={pending} onClick={refresh}>
          Refresh
        </button>
      </div>
      <p className="muted">
        Atelier finds models in {dataDir ? `${dataDir}/models` : "the models folder of its data directory"}. Drop a .gguf
        file there and press Refresh.
      </p>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {models.length === 0 ? (
        <p>No models installed yet.</p>
      ) : (
        <table className="models-table">
          <caption className="visually-hidden">Installed models</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
              <th scope="col">Architecture</th>
              <th scope="col">Context length</th>
              <th scope="col">Memory</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map((model) => (
              <ModelRow
                key={model.id}
                model={model}
                loaded={loaded.get(model.id)}
                busy={pending}
                onUnload={() => unload(model.id)}
                onDelete={() => setDeleting(model)}
              />
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this model?"
          message={`“${deleting.name}” will be removed from disk${loaded.has(deleting.id) ? " after it is unloaded" : ""}. This cannot be undone.`}
          confirmLabel="Delete model"
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
