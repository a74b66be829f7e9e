import type { VideoFormErrors, VideoFormValues } from "./video-form";

/** What every group of Video form fields gets: the values, their errors, and a way to change them. */
export interface VideoFieldsProps {
  values: VideoFormValues;
  errors: VideoFormErrors;
  change(patch: Partial<VideoFormValues>): void;
}
