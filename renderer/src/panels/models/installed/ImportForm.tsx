import { useId, useState } from "react";
import { MODEL_FAMILIES } from "../../../../../shared/families";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useAction } from "../../../components/use-action";
import { useApi, useApp } from "../../../store/context";
import { FAMILY_LABELS } from "../library-labels";
import { EMPTY_IMPORT, parseFamily, parseImportForm, type ImportFormField, type ImportFormValues } from "./import-form";

/** Registers a model from disk after the host has read and checked it; on failure the input stays. */
export function ImportForm() {
  const api = useApi();
  const setModels = useApp((s) => s.setModels);
  const titleId = useId();
  const [values, setValues] = useState<ImportFormValues>(EMPTY_IMPORT);
  const [errors, setErrors] = useState<Partial<Record<ImportFormField, string>>>({});
  const [imported, setImported] = useState<string | null>(null);
  const { run, pending, error } = useAction();
  const change = (patch: Partial<ImportFormValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setImported(null);
  };
  const submit = () => {
    const parsed = parseImportForm(values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    void run(async () => {
      const model = await api.models.import(parsed.request);
      setModels(await api.models.list({}));
      setValues(EMPTY_IMPORT);
      setImported(`Imported “${model.name}”.`);
    });
  };
  return (
    <form
      className="import-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id={titleId}>Import a model from disk</h2>
      <FormField label="Model path" hint="A .gguf file, or a folder holding an ONNX model." error={errors.path}>
        {(control) => <input {...control} value={values.path} spellCheck={false} onChange={(e) => change({ path: e.target.value })} />}
      </FormField>
      <fieldset className="radio-group" role="radiogroup" aria-labelledby={`${titleId}-mode-legend`}>
        <legend id={`${titleId}-mode-legend`}>Import as</legend>
        <label className="checkbox">
          <input type="radio" name={`${titleId}-mode`} checked={values.mode === "copy"} onChange={() => change({ mode: "copy" })} />
          Copy into Atelier
        </label>
        <label className="checkbox">
          <input type="radio" name={`${titleId}-mode`} checked={values.mode === "link"} onChange={() => change({ mode: "link" })} />
          Link to the file
        </label>
      </fieldset>
      <FormField label="Family" hint="Leave on automatic unless Atelier guesses wrong.">
        {(control) => (
          <select {...control} value={values.family} onChange={(e) => change({ family: parseFamily(e.target.value) })}>
            <option value="">Tell from the file</option>
            {MODEL_FAMILIES.map((family) => (
              <option key={family} value={family}>
                {FAMILY_LABELS[family]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Name (optional)" error={errors.name}>
        {(control) => <input {...control} value={values.name} onChange={(e) => change({ name: e.target.value })} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          Import
        </button>
        <span role="status" className="saved-note">
          {pending ? "Checking the model…" : (imported ?? "")}
        </span>
      </div>
      {error && <ErrorMessage>Could not import: {error}</ErrorMessage>}
    </form>
  );
}
