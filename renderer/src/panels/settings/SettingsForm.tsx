import { useState } from "react";
import type { Settings } from "../../../../shared/settings";
import { ErrorMessage } from "../../components/ErrorMessage";
import { FormField } from "../../components/FormField";
import { useAction } from "../../components/use-action";
import { useApi, useApp } from "../../store/context";
import { FolderList } from "./FolderList";
import { IMAGE_PROVIDERS, isGpuMode, isImageProvider, parseSettingsForm, toSettingsForm, type NumberField, type SettingsErrors, type SettingsFormValues } from "./settings-form";

export function SettingsForm({ settings }: { settings: Settings }) {
  const api = useApi();
  const setSettings = useApp((s) => s.setSettings);
  const [values, setValues] = useState(() => toSettingsForm(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction();
  const change = <K extends keyof SettingsFormValues>(field: K, value: SettingsFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };
  const save = () => {
    const parsed = parseSettingsForm(values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    void run(async () => {
      const next = await api.settings.update(parsed.patch);
      setSettings(next);
      setValues(toSettingsForm(next));
      setSaved(true);
    });
  };
  const numberField = (field: NumberField, label: string, hint: string) => (
    <FormField label={label} hint={hint} error={errors[field]}>
      {(control) => <input {...control} inputMode="decimal" value={values[field]} onChange={(e) => change(field, e.target.value)} />}
    </FormField>
  );

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <fieldset>
        <legend>Text generation</legend>
        {numberField("threads", "Threads", "CPU threads for generation. 0 chooses automatically from the model size and your cores.")}
        <FormField label="GPU layers" hint="How much of a model runs on the GPU. Automatic fits what memory allows.">
          {(control) => (
            <select {...control} value={values.gpuMode} onChange={(e) => isGpuMode(e.target.value) && change("gpuMode", e.target.value)}>
              <option value="auto">Automatic</option>
              <option value="max">As many as possible</option>
              <option value="layers">A set number</option>
            </select>
          )}
        </FormField>
        {values.gpuMode === "layers" && numberField("gpuLayers", "Number of GPU layers", "0 keeps the whole model on the CPU.")}
      </fieldset>
      <fieldset>
        <legend>Engines and memory</legend>
        {numberField("idleUnloadMinutes", "Idle unload (minutes)", "Unload a model after this long without use. 0 keeps it loaded.")}
        {numberField("ramBudgetMiB", "RAM budget (MiB)", "Memory all loaded models together may use; the least recently used idle ones are unloaded to stay within it. 0 means half of your RAM.")}
        {numberField("vramBudgetMiB", "VRAM budget (MiB)", "GPU memory the loaded models may use. 0 means 90% of the free VRAM.")}
        {numberField("concurrency", "Engine concurrency", "Jobs one engine runs at the same time, 1 to 8.")}
      </fieldset>
      <fieldset>
        <legend>Images</legend>
        <FormField label="Image execution provider" hint="Where image models run. Automatic takes the best one this computer has.">
          {(control) => (
            <select {...control} value={values.imageProvider} onChange={(e) => isImageProvider(e.target.value) && change("imageProvider", e.target.value)}>
              {IMAGE_PROVIDERS.map((provider) => (
                <option key={provider.value} value={provider.value}>
                  {provider.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </fieldset>
      <fieldset>
        <legend>Model library</legend>
        <FormField
          label="Hugging Face endpoint"
          hint="Where models are searched and downloaded from. Change it to use a mirror."
          error={errors.hubEndpoint}
        >
          {(control) => (
            <input {...control} type="url" spellCheck={false} value={values.hubEndpoint} onChange={(e) => change("hubEndpoint", e.target.value)} />
          )}
        </FormField>
        {numberField("downloadsConcurrency", "Downloads at once", "How many models download at the same time, 1 to 8.")}
        <FolderList folders={values.folders} error={errors.folders} onChange={(folders) => change("folders", folders)} />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          Save settings
        </button>
        <span role="status" className="saved-note">
          {saved ? "Settings saved." : ""}
        </span>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </form>
  );
}
