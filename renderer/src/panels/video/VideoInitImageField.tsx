import { useId, useState } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { describeError } from "../../errors/describe-error";
import { useApp } from "../../store/context";
import { ACCEPTED_IMAGE_TYPES, readInitImage } from "../image/image-file";
import type { VideoFieldsProps } from "./fields-props";

/** What the init image is for: image-to-video, every frame of prompt travel, or feedback's first frame. */
export type InitImageUse = "motion" | "travel" | "feedback";

const PICK_HINTS: Record<InitImageUse, string> = {
  motion: "Optional: a PNG, JPEG or WebP the clip starts from (image-to-video). Drop one anywhere on this panel.",
  travel: "Optional: every frame is made from this image (image-to-image) as the prompts travel.",
  feedback: "Optional: the first frame. Without one it is generated from the prompt.",
};

/** Image-to-video (motion models) or the image keyframe animation starts from, and how far to move away from it. */
export function VideoInitImageField({ values, errors, change, use }: VideoFieldsProps & { use: InitImageUse }) {
  const feedback = use === "feedback";
  const inputId = useId();
  const strengthId = useId();
  const strengthHintId = useId();
  const initImage = useApp((s) => s.videoInitImage);
  const setInitImage = useApp((s) => s.setVideoInitImage);
  const [error, setError] = useState<string | null>(null);
  const strength = Number(values.strength);
  const shownStrength = Number.isFinite(strength) ? strength : 0.75;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      setInitImage(await readInitImage(file));
      setError(null);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const strengthField = (
    <div className="field">
      <label htmlFor={strengthId}>Strength</label>
      <input
        id={strengthId}
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={shownStrength}
        aria-valuetext={`${Math.round(shownStrength * 100)}%`}
        aria-describedby={strengthHintId}
        onChange={(e) => change({ strength: e.target.value })}
      />
      <p id={strengthHintId} className="hint">
        {Math.round(shownStrength * 100)}% —{" "}
        {feedback ? "how far each frame moves away from the one before." : "how far to move away from the image: 0 keeps it, 100% ignores it."}
      </p>
      {errors.strength && <ErrorMessage>{errors.strength}</ErrorMessage>}
    </div>
  );

  return (
    <fieldset className="init-image">
      <legend>{feedback ? "Feedback" : "Start from an image"}</legend>
      {feedback && strengthField}
      {initImage ? (
        <>
          <img className="video-init-preview" src={initImage.dataUrl} alt={`Init image: ${initImage.name}`} />
          {!feedback && strengthField}
          <div className="mask-tool-row">
            <button type="button" onClick={() => setInitImage(null)}>
              Remove init image
            </button>
          </div>
        </>
      ) : (
        <div className="drop-zone">
          <label htmlFor={inputId}>Init image</label>
          <input
            id={inputId}
            type="file"
            accept={ACCEPTED_IMAGE_TYPES.join(",")}
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <p className="hint">{PICK_HINTS[use]}</p>
        </div>
      )}
      {errors.initImage && <ErrorMessage>{errors.initImage}</ErrorMessage>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </fieldset>
  );
}
