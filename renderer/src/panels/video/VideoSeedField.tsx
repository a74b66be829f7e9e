import { useId } from "react";
import { ErrorMessage } from "../../components/ErrorMessage";
import { randomSeed } from "../image/seed";
import type { VideoFieldsProps } from "./fields-props";

/** A fixed seed repeats a clip; an empty one draws a new seed each time. The dice picks one to keep. */
export function VideoSeedField({ values, errors, change }: VideoFieldsProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const random = values.seed.trim() === "";
  const describedBy = [hintId, errors.seed ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className="field seed-field">
      <label htmlFor={inputId}>Seed</label>
      <div className="seed-row">
        <input
          id={inputId}
          inputMode="numeric"
          placeholder="random"
          value={values.seed}
          aria-describedby={describedBy}
          aria-invalid={errors.seed ? true : undefined}
          onChange={(e) => change({ seed: e.target.value })}
        />
        <button type="button" aria-label="Random seed" title="Random seed" onClick={() => change({ seed: String(randomSeed()) })}>
          <svg className="dice" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <rect x="3" y="3" width="18" height="18" rx="4" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <circle cx="8" cy="8" r="1.6" fill="currentColor" />
            <circle cx="12" cy="12" r="1.6" fill="currentColor" />
            <circle cx="16" cy="16" r="1.6" fill="currentColor" />
          </svg>
        </button>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={random} onChange={(e) => change({ seed: e.target.checked ? "" : String(randomSeed()) })} />
        New random seed every time
      </label>
      <p id={hintId} className="hint">
        The same seed and settings give the same clip.
      </p>
      {errors.seed && <ErrorMessage id={errorId}>{errors.seed}</ErrorMessage>}
    </div>
  );
}
