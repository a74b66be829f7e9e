import { FormField } from "../../components/FormField";
import type { VideoFieldsProps } from "./fields-props";

/** Prompt and negative prompt (Ctrl+Enter anywhere in the form generates). */
export function VideoPromptFields({ values, errors, change, keyframes }: VideoFieldsProps & { keyframes: boolean }) {
  const hint = keyframes ? "What the clip shows from frame 0; keyframes below change it later. Ctrl+Enter generates." : "What the clip shows. Ctrl+Enter generates.";
  return (
    <>
      <FormField label="Prompt" error={errors.prompt} hint={hint}>
        {(control) => <textarea {...control} rows={3} value={values.prompt} onChange={(e) => change({ prompt: e.target.value })} />}
      </FormField>
      <FormField label="Negative prompt" error={errors.negativePrompt} hint="What to keep out of it.">
        {(control) => <textarea {...control} rows={2} value={values.negativePrompt} onChange={(e) => change({ negativePrompt: e.target.value })} />}
      </FormField>
    </>
  );
}
