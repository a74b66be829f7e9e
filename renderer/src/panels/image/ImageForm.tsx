import { ErrorMessage } from "../../components/ErrorMessage";
import { SeedField } from "../../components/SeedField";
import { useApp } from "../../store/context";
import type { ImageFormValues } from "./image-form";
import { ImageModelPicker } from "./ImageModelPicker";
import { InitImageField } from "./InitImageField";
import { PromptFields } from "./PromptFields";
import { SamplingFields } from "./SamplingFields";
import { SizeFields } from "./SizeFields";
import { useGenerate } from "./use-generate";

/** Everything one generation needs; the values live in the store, so they survive a panel switch or an error. */
export function ImageForm({ dropError }: { dropError: string | null }) {
  const values = useApp((s) => s.imageForm);
  const setImageForm = useApp((s) => s.setImageForm);
  const notice = useApp((s) => s.imageNotice);
  const setImageNotice = useApp((s) => s.setImageNotice);
  const { generate, pending, errors, hostError, queued } = useGenerate();
  const change = (patch: Partial<ImageFormValues>) => {
    setImageForm(patch);
    if (notice) setImageNotice(null);
  };
  const fields = { values, errors, change };

  return (
    <form
      className="image-form"
      aria-label="Image settings"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        generate();
      }}
    >
      {dropError && <ErrorMessage>{dropError}</ErrorMessage>}
      <PromptFields {...fields} onGenerate={generate} />
      <ImageModelPicker {...fields} />
      <SizeFields {...fields} />
      <SamplingFields {...fields} />
      <SeedField seed={values.seed} error={errors.seed} onChange={(seed) => change({ seed })} subject="image" />
      <InitImageField {...fields} />
      <div className="image-form-actions">
        <button type="submit" className="primary" disabled={pending}>
          Generate
        </button>
        <span role="status" className="saved-note">
          {notice ?? queued ?? ""}
        </span>
      </div>
      {errors.form && <ErrorMessage>{errors.form}</ErrorMessage>}
      {hostError && <ErrorMessage>{hostError}</ErrorMessage>}
    </form>
  );
}
