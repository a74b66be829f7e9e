import { useMemo } from "react";
import type { ModelFamily, ModelInfo } from "../../../shared/models";
import { useApp } from "../store/context";

/** The installed models of one family; `noModels` only once the list has loaded, so no hint flashes at start. */
export function useInstalledModels(family: ModelFamily): { models: ModelInfo[]; noModels: boolean } {
  const allModels = useApp((s) => s.models);
  const modelsKnown = useApp((s) => s.modelsKnown);
  const models = useMemo(() => allModels.filter((model) => model.family === family), [allModels, family]);
  return { models, noModels: modelsKnown && models.length === 0 };
}
