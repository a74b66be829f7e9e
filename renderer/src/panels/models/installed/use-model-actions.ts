import { useState } from "react";
import { AppError } from "../../../../../shared/errors";
import type { ModelInfo } from "../../../../../shared/models";
import { useAction } from "../../../components/use-action";
import { useApi, useApp } from "../../../store/context";

/** A question the Installed tab is asking before it acts. */
export type PendingConfirmation =
  | { kind: "delete"; model: ModelInfo }
  | { kind: "load-anyway"; model: ModelInfo; reason: string };

/** Load (with "load anyway" when the host says it will not fit), unload, delete and refresh, with one error line. */
export function useModelActions() {
  const api = useApi();
  const setModels = useApp((s) => s.setModels);
  const setEngines = useApp((s) => s.setEngines);
  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const action = useAction();
  const { run } = action;

  const afterEngineChange = async () => setEngines(await api.engines.status({}));
  const load = (model: ModelInfo, force = false) =>
    void run(async () => {
      setConfirmation(null);
      try {
        await api.models.load({ id: model.id, force });
      } catch (error) {
        if (error instanceof AppError && error.code === "OUT_OF_MEMORY" && !force) {
          setConfirmation({ kind: "load-anyway", model, reason: error.message });
          return;
        }
        throw error;
      }
      await afterEngineChange();
    });

  return {
    ...action,
    confirmation,
    cancelConfirmation: () => setConfirmation(null),
    askDelete: (model: ModelInfo) => setConfirmation({ kind: "delete", model }),
    load,
    unload: (model: ModelInfo) =>
      void run(async () => {
        await api.models.unload({ id: model.id });
        await afterEngineChange();
      }),
    remove: (model: ModelInfo) =>
      void run(async () => {
        setConfirmation(null);
        await api.models.delete({ id: model.id });
        setModels(await api.models.list({}));
      }),
    refresh: () => void run(async () => setModels(await api.models.refresh({}))),
  };
}
