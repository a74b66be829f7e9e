import { useId } from "react";
import type { LoadedModel } from "../../../shared/models";
import { formatBytes } from "../format";
import { useApi, useApp } from "../store/context";
import { useAction } from "./use-action";

/** One loaded model in the status bar: its name, estimated memory and an Unload button. */
export function LoadedModelChip({ loaded }: { loaded: LoadedModel }) {
  const api = useApi();
  const nameId = useId();
  const name = useApp((s) => s.models.find((m) => m.id === loaded.modelId)?.name ?? loaded.modelId);
  const setEngines = useApp((s) => s.setEngines);
  const { run, pending, error } = useAction();
  const unload = () =>
    void run(async () => {
      await api.models.unload({ id: loaded.modelId });
      setEngines(await api.engines.status({}));
    });
  const description = `${name} (${formatBytes(loaded.memoryBytes)}${loaded.inUse ? ", in use" : ""})`;
  return (
    <span className="loaded-model">
      <span aria-hidden="true">{" · "}</span>
      <span id={nameId} className="loaded-model-name" title={description}>
        {description}
      </span>{" "}
      <button type="button" className="quiet" aria-describedby={nameId} disabled={pending} onClick={unload}>
        Unload
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
