import type { ReactNode } from "react";

/** An error, announced to screen readers as soon as it appears. */
export function ErrorMessage({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  return (
    <p id={id} role="alert" className={className ? `error ${className}` : "error"}>
      {children}
    </p>
  );
}
