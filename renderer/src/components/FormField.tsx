import { useId, type ReactElement } from "react";
import { ErrorMessage } from "./ErrorMessage";

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children(control: { id: string; "aria-describedby"?: string; "aria-invalid"?: true }): ReactElement;
}

/** A labelled control with an optional hint and an announced error. */
export function FormField({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(describedBy ? { "aria-describedby": describedBy } : {}), ...(error ? { "aria-invalid": true } : {}) })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
    </div>
  );
}
