import { useId } from "react";
import { FormField } from "../../components/FormField";
import type { VideoFieldsProps } from "./fields-props";
import { addKeyframe, describeCamera, pastTheEnd, removeKeyframe, updateKeyframe, type KeyframeDraft } from "./keyframes";
import type { AnimationMode, BorderMode } from "./video-form";

const MODES: { value: AnimationMode; label: string; hint: string }[] = [
  { value: "travel", label: "Prompt travel", hint: "Moves smoothly from one keyframe's prompt to the next." },
  { value: "feedback", label: "Feedback with camera moves", hint: "Feeds each frame back in, zoomed, panned and turned by the camera move." },
];

const BORDERS: { value: BorderMode; label: string }[] = [
  { value: "reflect", label: "Mirror the picture" },
  { value: "replicate", label: "Stretch the edge pixels" },
];

const CAMERA_FIELDS: { field: "zoom" | "panX" | "panY" | "rotate"; label: string }[] = [
  { field: "zoom", label: "Zoom ×" },
  { field: "panX", label: "Pan X px" },
  { field: "panY", label: "Pan Y px" },
  { field: "rotate", label: "Rotate °" },
];

/** Keyframe animation with a Stable Diffusion model: the mode, and keyframes of prompt (and camera move per frame). */
export function KeyframeEditor({ values, errors, change }: VideoFieldsProps) {
  const feedback = values.animationMode === "feedback";
  const drafts = values.keyframes;
  const setDrafts = (keyframes: KeyframeDraft[]) => change({ keyframes });
  return (
    <fieldset className="keyframe-editor">
      <legend>Keyframes</legend>
      <div role="radiogroup" aria-label="Animation" className="keyframe-modes">
        {MODES.map((mode) => (
          <label key={mode.value} className="checkbox">
            <input type="radio" name="animation-mode" checked={values.animationMode === mode.value} onChange={() => change({ animationMode: mode.value })} />
            {mode.label}
          </label>
        ))}
      </div>
      <p className="hint">{MODES.find((mode) => mode.value === values.animationMode)?.hint}</p>
      <ol className="keyframe-list">
        {drafts.map((draft, index) => (
          <KeyframeRow
            key={draft.key}
            draft={draft}
            index={index}
            feedback={feedback}
            pastEnd={pastTheEnd(draft, Number(values.frames))}
            errors={errors.keyframes?.[draft.key] ?? {}}
            onChange={(patch) => setDrafts(updateKeyframe(drafts, draft.key, patch))}
            onRemove={() => setDrafts(removeKeyframe(drafts, draft.key))}
          />
        ))}
      </ol>
      <button type="button" onClick={() => setDrafts(addKeyframe(drafts, Number(values.frames)))}>
        Add keyframe
      </button>
      <div className="field-row keyframe-options">
        <FormField label="Noise step per frame" error={errors.seedIncrement} hint="Frame n uses seed + n × this; 0 keeps one noise.">
          {(control) => <input {...control} inputMode="numeric" value={values.seedIncrement} onChange={(e) => change({ seedIncrement: e.target.value })} />}
        </FormField>
        {feedback && (
          <FormField label="Edges" hint="What fills the frame where the camera move uncovers it.">
            {(control) => (
              <select {...control} value={values.border} onChange={(e) => change({ border: e.target.value === "replicate" ? "replicate" : "reflect" })}>
                {BORDERS.map((border) => (
                  <option key={border.value} value={border.value}>
                    {border.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
      </div>
    </fieldset>
  );
}

interface KeyframeRowProps {
  draft: KeyframeDraft;
  index: number;
  feedback: boolean;
  /** The keyframe lies past the clip's last frame. */
  pastEnd: boolean;
  errors: Partial<Record<keyof KeyframeDraft, string>>;
  onChange(patch: Partial<Omit<KeyframeDraft, "key">>): void;
  onRemove(): void;
}

function KeyframeRow({ draft, index, feedback, pastEnd, errors, onChange, onRemove }: KeyframeRowProps) {
  const titleId = useId();
  const number = index + 1;
  const first = index === 0;
  return (
    <li className="keyframe" aria-labelledby={titleId}>
      <div className="keyframe-heading">
        <span id={titleId} className="keyframe-title">
          Keyframe {number}
          {first ? " · frame 0" : ""}
        </span>
        {feedback && <span className="muted keyframe-camera">{describeCamera(draft)}</span>}
        {!first && (
          <button type="button" className="quiet" aria-label={`Remove keyframe ${number}`} onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      {first ? (
        <p className="hint">Starts with the Prompt above.</p>
      ) : (
        <div className="keyframe-fields">
          <FormField label="At frame" error={errors.frame} hint={pastEnd ? "Past the clip's end: the clip moves part of the way there." : undefined}>
            {(control) => <input {...control} inputMode="numeric" value={draft.frame} onChange={(e) => onChange({ frame: e.target.value })} />}
          </FormField>
          <FormField label="Prompt from this frame" error={errors.prompt}>
            {(control) => <textarea {...control} rows={2} value={draft.prompt} onChange={(e) => onChange({ prompt: e.target.value })} />}
          </FormField>
        </div>
      )}
      {feedback && (
        <div className="camera-grid" role="group" aria-label={`Camera move per frame from keyframe ${number}`}>
          {CAMERA_FIELDS.map(({ field, label }) => (
            <FormField key={field} label={label} error={errors[field]}>
              {(control) => <input {...control} inputMode="decimal" value={draft[field]} onChange={(e) => onChange({ [field]: e.target.value })} />}
            </FormField>
          ))}
        </div>
      )}
    </li>
  );
}
