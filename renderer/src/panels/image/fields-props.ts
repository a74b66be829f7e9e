import type { ImageFormErrors, ImageFormValues } from "./image-form";

/** What every group of Image form fields gets: the values, their errors, and a way to change them. */
export interface FieldsProps {
  values: ImageFormValues;
  errors: ImageFormErrors;
  change(patch: Partial<ImageFormValues>): void;
}
