import type { Fit } from "../../../../shared/library";
import { FIT_LABELS } from "./library-labels";

/** The fit verdict as a badge, with the host's one-sentence summary beside it (or, when compact, as its description). */
export function FitBadge({ fit, compact = false }: { fit: Fit; compact?: boolean }) {
  return (
    <span className="fit">
      <span className={`fit-badge fit-${fit.verdict}`} title={compact ? fit.summary : undefined}>
        {FIT_LABELS[fit.verdict]}
      </span>
      <span className={compact ? "visually-hidden" : "fit-summary"}>
        {compact ? ": " : " "}
        {fit.summary}
      </span>
    </span>
  );
}
