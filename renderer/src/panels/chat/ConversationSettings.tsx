import { useState } from "react";
import type { Conversation } from "../../../../shared/chat";
import { ErrorMessage } from "../../components/ErrorMessage";
import { FormField } from "../../components/FormField";
import { useAction } from "../../components/use-action";
import { useApp } from "../../store/context";
import { PARAM_FIELDS, paramLabel, parseParamsForm, toFormValues, type FormField as Field, type ParamField } from "./params-form";
import { useChatCommands } from "./use-chat";

const HINTS: Partial<Record<ParamField, string>> = {
  temperature: "0 to 2. Lower is more predictable.",
  topP: "0 to 1.",
  topK: "0 turns it off.",
  seed: "Leave empty for a new random seed on every reply.",
  contextSize: "Tokens the model keeps in mind, 128 or more.",
};

/** System prompt and generation parameters of the open conversation, or of the next new one. */
export function ConversationSettings({ conversation }: { conversation: Conversation | undefined }) {
  const draft = useApp((s) => s.draft);
  const source = conversation ?? draft;
  const [values, setValues] = useState(() => toFormValues(source.systemPrompt, source.params));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);
  const chat = useChatCommands();
  const { run, pending, error } = useAction();

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };
  const save = () => {
    const parsed = parseParamsForm(values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    void run(async () => {
      await chat.updateSettings({ systemPrompt: parsed.systemPrompt, params: parsed.params });
      setSaved(true);
    });
  };

  return (
    <form
      id="conversation-settings"
      className="conversation-settings"
      aria-label="Conversation settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <FormField label="System prompt" error={errors.systemPrompt} hint="How the model should behave in this conversation.">
        {(control) => <textarea {...control} rows={3} value={values.systemPrompt} onChange={(e) => change("systemPrompt", e.target.value)} />}
      </FormField>
      <div className="param-grid">
        {PARAM_FIELDS.map((field) => (
          <FormField key={field} label={paramLabel(field)} error={errors[field]} hint={HINTS[field]}>
            {(control) => (
              <input
                {...control}
                inputMode={field === "temperature" || field === "topP" ? "decimal" : "numeric"}
                placeholder={field === "seed" ? "random" : undefined}
                value={values[field]}
                onChange={(e) => change(field, e.target.value)}
              />
            )}
          </FormField>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          Save settings
        </button>
        <span role="status" className="saved-note">
          {saved ? (conversation ? "Saved." : "Saved for the new conversation.") : ""}
        </span>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </form>
  );
}
