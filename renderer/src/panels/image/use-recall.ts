import { useCallback } from "react";
import type { ImageParameters } from "../../../../shared/image";
import { useAppStore } from "../../store/context";
import { recallIntoForm, recallNotice, settingsFromParameters } from "./recall";

/** Puts an image's settings into the Image form and says so; the sampler stays when the source's is unknown here. */
export function useRecall() {
  const store = useAppStore();
  return useCallback(
    (parameters: ImageParameters, source: string, unknownSampler?: string) => {
      const { imageForm, models, setImageForm, setImageNotice } = store.getState();
      const settings = settingsFromParameters(parameters);
      if (unknownSampler) delete settings.sampler;
      const { values, missingModel } = recallIntoForm(imageForm, settings, models);
      setImageForm(values);
      setImageNotice(recallNotice(source, missingModel, unknownSampler));
    },
    [store],
  );
}
