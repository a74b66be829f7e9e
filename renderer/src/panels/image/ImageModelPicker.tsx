import type { ModelInfo } from "../../../../shared/models";
import { InstalledModelField } from "../../components/InstalledModelField";
import type { FieldsProps } from "./fields-props";
import type { ImageFormValues } from "./image-form";
import { defaultsForModel, isFewStepModel } from "./model-defaults";

/** When the kind of model changes (standard ↔ few-step), its sampling defaults replace the old ones. */
function patchFor(model: ModelInfo | undefined, previous: ModelInfo | undefined): Partial<ImageFormValues> {
  if (!model) return { modelId: "" };
  const wasFewStep = previous ? isFewStepModel(previous.name) : false;
  if (isFewStepModel(model.name) === wasFewStep) return { modelId: model.id };
  const defaults = defaultsForModel(model.name);
  return { modelId: model.id, steps: String(defaults.steps), cfgScale: String(defaults.cfgScale), sampler: defaults.sampler };
}

/** Installed image models; with none, a way to the catalog. */
export function ImageModelPicker({ values, errors, change }: FieldsProps) {
  return (
    <InstalledModelField
      family="image"
      value={values.modelId}
      error={errors.modelId}
      noModelsText="No image models installed yet. Get Stable Diffusion from the catalog in the Models panel."
      hintClassName="image-no-models"
      onChange={(_modelId, chosen, previous) => change(patchFor(chosen, previous))}
    />
  );
}
