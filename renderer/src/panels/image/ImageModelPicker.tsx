import { useId } from "react";
import type { ModelInfo } from "../../../../shared/models";
import { ErrorMessage } from "../../components/ErrorMessage";
import { formatBytes } from "../../format";
import { useApp } from "../../store/context";
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
  const selectId = useId();
  const hintId = useId();
  const errorId = useId();
  const allModels = useApp((s) => s.models);
  const modelsKnown = useApp((s) => s.modelsKnown);
  const showPanel = useApp((s) => s.showPanel);
  const showModelsTab = useApp((s) => s.showModelsTab);
  const models = allModels.filter((model) => model.family === "image");
  const missing = values.modelId !== "" && !models.some((model) => model.id === values.modelId);
  const noModels = modelsKnown && models.length === 0;
  const describedBy = [noModels ? hintId : "", errors.modelId ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const openCatalog = () => {
    showModelsTab("catalog");
    showPanel("models");
  };

  return (
    <div className="field">
      <label htmlFor={selectId}>Model</label>
      <select
        id={selectId}
        value={values.modelId}
        aria-describedby={describedBy}
        aria-invalid={errors.modelId ? true : undefined}
        onChange={(event) => {
          const byId = (id: string) => models.find((model) => model.id === id);
          change(patchFor(byId(event.target.value), byId(values.modelId)));
        }}
      >
        <option value="">Choose a model…</option>
        {missing && <option value={values.modelId}>{values.modelId} (not installed)</option>}
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name} — {formatBytes(model.sizeBytes)}
          </option>
        ))}
      </select>
      {noModels && (
        <div id={hintId} className="hint image-no-models">
          <p>No image models installed yet. Get Stable Diffusion from the catalog in the Models panel.</p>
          <button type="button" onClick={openCatalog}>
            Open the model catalog
          </button>
        </div>
      )}
      {errors.modelId && <ErrorMessage id={errorId}>{errors.modelId}</ErrorMessage>}
    </div>
  );
}
