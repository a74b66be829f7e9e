import { useId } from "react";
import type { ModelFamily, ModelInfo } from "../../../shared/models";
import { formatBytes } from "../format";
import { CatalogHint } from "./CatalogHint";
import { ErrorMessage } from "./ErrorMessage";
import { useInstalledModels } from "./use-installed-models";

interface InstalledModelFieldProps {
  family: ModelFamily;
  value: string;
  /** `chosen` and `previous` are the installed models behind the new and the old value, if any. */
  onChange(modelId: string, chosen: ModelInfo | undefined, previous: ModelInfo | undefined): void;
  /** Shown, with a way to the catalog, when no model of the family is installed. */
  noModelsText: string;
  hintClassName?: string;
  error?: string;
}

/** A "Model" select over the installed models of one family; a chosen model that is gone stays listed as not installed. */
export function InstalledModelField({ family, value, onChange, noModelsText, hintClassName, error }: InstalledModelFieldProps) {
  const selectId = useId();
  const hintId = useId();
  const errorId = useId();
  const { models, noModels } = useInstalledModels(family);
  const missing = value !== "" && !models.some((model) => model.id === value);
  const describedBy = [noModels ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const byId = (id: string) => models.find((model) => model.id === id);
  return (
    <div className="field">
      <label htmlFor={selectId}>Model</label>
      <select
        id={selectId}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value, byId(event.target.value), byId(value))}
      >
        <option value="">Choose a model…</option>
        {missing && <option value={value}>{value} (not installed)</option>}
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name} — {formatBytes(model.sizeBytes)}
          </option>
        ))}
      </select>
      {noModels && (
        <CatalogHint id={hintId} className={hintClassName}>
          {noModelsText}
        </CatalogHint>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
    </div>
  );
}
