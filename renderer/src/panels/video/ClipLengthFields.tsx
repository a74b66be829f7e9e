import { FormField } from "../../components/FormField";
import type { VideoFieldsProps } from "./fields-props";
import { durationText, INTERPOLATION_CHOICES, type InterpolationChoice } from "./video-form";

const INTERPOLATION_LABELS: Record<InterpolationChoice, string> = {
  "1": "None (×1)",
  "2": "×2: twice the frames",
  "4": "×4: four times the frames",
};

function isChoice(value: string): value is InterpolationChoice {
  return (INTERPOLATION_CHOICES as readonly string[]).includes(value);
}

/** How long the clip is: frames and frame rate (the duration follows), and RIFE interpolation afterwards. */
export function ClipLengthFields({ values, errors, change }: VideoFieldsProps) {
  const duration = durationText(values.frames, values.fps, values.interpolation);
  return (
    <>
      <div className="field-row">
        <FormField label="Frames" error={errors.frames}>
          {(control) => <input {...control} inputMode="numeric" value={values.frames} onChange={(e) => change({ frames: e.target.value })} />}
        </FormField>
        <FormField label="FPS" error={errors.fps}>
          {(control) => <input {...control} inputMode="decimal" value={values.fps} onChange={(e) => change({ fps: e.target.value })} />}
        </FormField>
      </div>
      <p className="hint video-duration">{duration || "Frames and frames per second give the clip's length."}</p>
      <FormField label="Interpolation" error={errors.interpolation} hint="RIFE adds in-between frames once the clip is made, for smoother motion.">
        {(control) => (
          <select {...control} value={values.interpolation} onChange={(e) => isChoice(e.target.value) && change({ interpolation: e.target.value })}>
            {INTERPOLATION_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {INTERPOLATION_LABELS[choice]}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
