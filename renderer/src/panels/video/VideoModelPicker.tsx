import { useId } from "react";
import { CatalogHint } from "../../components/CatalogHint";
import { ErrorMessage } from "../../components/ErrorMessage";
import { useApp } from "../../store/context";
import type { VideoFieldsProps } from "./fields-props";
import { patchForModel } from "./video-form";
import { capabilityText, modelExplanation, pickableModels } from "./video-models";

/** Motion models and Stable Diffusion models, each saying what it can do; with none, a way to the catalog. */
export function VideoModelPicker({ values, errors, change }: VideoFieldsProps) {
  const selectId = useId();
  const hintId = useId();
  const errorId = useId();
  const models = useApp((s) => s.videoModels);
  const known = useApp((s) => s.videoModelsKnown);
  const { motion, image } = pickableModels(models);
  const byId = (id: string) => models.find((model) => model.id === id);
  const chosen = byId(values.modelId);
  const missing = values.modelId !== "" && !chosen;
  const noModels = known && motion.length === 0 && image.length === 0;
  const describedBy = [hintId, errors.modelId ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={selectId}>Model</label>
      <select
        id={selectId}
        value={values.modelId}
        aria-describedby={describedBy}
        aria-invalid={errors.modelId ? true : undefined}
        onChange={(event) => change(patchForModel(byId(event.target.value), chosen))}
      >
        <option value="">Choose a model…</option>
        {missing && <option value={values.modelId}>{values.modelId} (not installed)</option>}
        {motion.length > 0 && (
          <optgroup label="Motion models">
            {motion.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name} — {capabilityText(model)}
              </option>
            ))}
          </optgroup>
        )}
        {image.length > 0 && (
          <optgroup label="Stable Diffusion models">
            {image.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name} — {capabilityText(model)}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {noModels ? (
        <CatalogHint id={hintId} className="image-no-models">
          No models for video yet. Get a motion model (AnimateLCM or AnimateDiff-Lightning) from the catalog, or any Stable Diffusion model for keyframe animation.
        </CatalogHint>
      ) : (
        <p id={hintId} className="hint">
          {modelExplanation(chosen)}
        </p>
      )}
      {errors.modelId && <ErrorMessage id={errorId}>{errors.modelId}</ErrorMessage>}
    </div>
  );
}
