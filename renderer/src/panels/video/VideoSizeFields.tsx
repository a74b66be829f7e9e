import { useId } from "react";
import { FormField } from "../../components/FormField";
import type { VideoFieldsProps } from "./fields-props";
import { parsePresetKey, presetKey, presetLabel, VIDEO_SIZE_PRESETS } from "./video-size-presets";

const CUSTOM = "custom";

/** A preset size, or width and height typed in (multiples of 8, 64 to 2048). */
export function VideoSizeFields({ values, errors, change }: VideoFieldsProps) {
  const selectId = useId();
  const current = values.customSize ? CUSTOM : (presetKey(values.width, values.height) ?? CUSTOM);
  const showCustom = current === CUSTOM;
  return (
    <div className="size-fields">
      <div className="field">
        <label htmlFor={selectId}>Size</label>
        <select
          id={selectId}
          value={current}
          onChange={(event) => {
            const preset = parsePresetKey(event.target.value);
            if (preset) change({ width: String(preset.width), height: String(preset.height), customSize: false });
            else change({ customSize: true });
          }}
        >
          {VIDEO_SIZE_PRESETS.map((preset) => (
            <option key={`${preset.width}x${preset.height}`} value={`${preset.width}x${preset.height}`}>
              {presetLabel(preset)}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
      </div>
      {showCustom && (
        <div className="field-row">
          <FormField label="Width" error={errors.width}>
            {(control) => <input {...control} inputMode="numeric" value={values.width} onChange={(e) => change({ width: e.target.value })} />}
          </FormField>
          <FormField label="Height" error={errors.height}>
            {(control) => <input {...control} inputMode="numeric" value={values.height} onChange={(e) => change({ height: e.target.value })} />}
          </FormField>
        </div>
      )}
      {showCustom && <p className="hint">Multiples of 8, from 64 to 2048 pixels.</p>}
    </div>
  );
}
