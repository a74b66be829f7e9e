import { useId } from "react";
import { randomSeed } from "../panels/image/seed";
import { ErrorMessage } from "./ErrorMessage";

export interface SeedFieldProps {
  seed: string;
  error: string | undefined;
  onChange(seed: string): void;
  /** What the seed repeats, for the hint: "image", "clip". */
  subject: string;
}

/** A fixed seed repeats a result; an empty one draws a new seed each time. The dice picks one to keep. */
export function SeedField({ seed, error, onChange, subject }: SeedFieldProps) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const random = seed.trim() === "";
  const describedBy = [hintId, error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className="field seed-field">
      <label htmlFor={inputId}>Seed</label>
      <div className="seed-row">
        <input
          id={inputId}
          inputMode="numeric"
          placeholder="random"
          value={seed}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <button type="button" aria-label="Random seed" title="Random seed" onClick={() => onChange(String(randomSeed()))}>
          <svg className="dice" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <rect x="3" y="3" width="18" height="18" rx="4" fill="none" stroke="currentColor" strokeWidth="1.8" />
            <circle cx="8" cy="8" r="1.6" fill="currentColor" />
            <circle cx="12" cy="12" r="1.6" fill="currentColor" />
            <circle cx="16" cy="16" r="1.6" fill="currentColor" />
          </svg>
        </button>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={random}
          onChange={(e) => onChange(e.target.checked ? "" : String(randomSeed()))}
        />
        New random seed every time
      </label>
      <p id={hintId} className="hint">
        The same seed and settings give the same {subject}.
      </p>
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
    </div>
  );
}
