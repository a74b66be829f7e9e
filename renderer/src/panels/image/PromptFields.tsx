import type { KeyboardEvent } from "react";
import { FormField } from "../../components/FormField";
import type { FieldsProps } from "./fields-props";

/** Prompt and negative prompt; Ctrl+Enter (⌘+Enter on a Mac) in either one generates. */
export function PromptFields({ values, errors, change, onGenerate }: FieldsProps & { onGenerate(): void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onGenerate();
    }
  };
  return (
    <>
      <FormField label="Prompt" error={errors.prompt} hint="What the image shows. Ctrl+Enter generates.">
        {(control) => (
          <textarea {...control} rows={4} value={values.prompt} onKeyDown={onKeyDown} onChange={(e) => change({ prompt: e.target.value })} />
        )}
      </FormField>
      <FormField label="Negative prompt" error={errors.negativePrompt} hint="What to keep out of it.">
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={values.negativePrompt}
            onKeyDown={onKeyDown}
            onChange={(e) => change({ negativePrompt: e.target.value })}
          />
        )}
      </FormField>
    </>
  );
}
