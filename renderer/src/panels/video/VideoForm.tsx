import type { KeyboardEvent } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { SeedField } from "../../components/SeedField";
import { useApp } from "../../store/context";
import { ClipLengthFields } from "./ClipLengthFields";
import { KeyframeEditor } from "./KeyframeEditor";
import { useVideoGenerate } from "./use-video-generate";
import type { VideoFormValues } from "./video-form";
import { kindOf } from "./video-models";
import { VideoInitImageField } from "./VideoInitImageField";
import { VideoModelPicker } from "./VideoModelPicker";
import { VideoPromptFields } from "./VideoPromptFields";
import { VideoSamplingFields } from "./VideoSamplingFields";
import { VideoSizeFields } from "./VideoSizeFields";

/** Everything one clip needs; the values live in the store, so they survive a panel switch or an error. */
export function VideoForm({ dropError }: { dropError: string | null }) {
  const values = useApp((s) => s.videoForm);
  const setVideoForm = useApp((s) => s.setVideoForm);
  const notice = useApp((s) => s.videoNotice);
  const setVideoNotice = useApp((s) => s.setVideoNotice);
  const model = useApp((s) => s.videoModels.find((candidate) => candidate.id === s.videoForm.modelId));
  const { generate, pending, errors, hostError, queued } = useVideoGenerate();
  const kind = kindOf(model);
  const change = (patch: Partial<VideoFormValues>) => {
    setVideoForm(patch);
    if (notice) setVideoNotice(null);
  };
  const fields = { values, errors, change };
  const feedback = kind === "image" && values.animationMode === "feedback";
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      generate();
    }
  };

  return (
    <form
      className="image-form video-form"
      aria-label="Video settings"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        generate();
      }}
    >
      {dropError && <ErrorMessage>{dropError}</ErrorMessage>}
      <VideoPromptFields {...fields} keyframes={kind === "image"} />
      <VideoModelPicker {...fields} />
      {kind === "image" && <KeyframeEditor {...fields} />}
      <ClipLengthFields {...fields} />
      <VideoSizeFields {...fields} />
      <VideoSamplingFields {...fields} kind={kind} />
      <SeedField seed={values.seed} error={errors.seed} onChange={(seed) => change({ seed })} subject="clip" />
      <VideoInitImageField {...fields} use={kind !== "image" ? "motion" : feedback ? "feedback" : "travel"} />
      <div className="image-form-actions">
        <button type="submit" className="primary" disabled={pending} aria-keyshortcuts="Control+Enter">
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
