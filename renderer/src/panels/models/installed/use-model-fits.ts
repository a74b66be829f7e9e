import { useEffect, useState } from "react";
import type { Fit } from "../../../../../shared/library";
import type { ModelInfo } from "../../../../../shared/models";
import { useApi } from "../../../store/context";

/**
 * The fit of every installed model, before load: the one the list carries, else asked of the host
 * (once per model while the tab is shown). A model whose estimate fails simply shows none.
 */
export function useModelFits(models: ModelInfo[]): Record<string, Fit> {
  const api = useApi();
  const [asked, setAsked] = useState<Record<string, Fit>>({});
  useEffect(() => {
    let live = true;
    for (const model of models) {
      if (model.fit || asked[model.id]) continue;
      api.models.fit({ id: model.id }).then(
        (fit) => live && setAsked((current) => ({ ...current, [model.id]: fit })),
        () => {},
      );
    }
    return () => {
      live = false;
    };
    // `asked` is left out on purpose: each answer would otherwise ask again for every model still pending.
  }, [api, models]);
  const fits: Record<string, Fit> = {};
  for (const model of models) {
    const fit = model.fit ?? asked[model.id];
    if (fit) fits[model.id] = fit;
  }
  return fits;
}
