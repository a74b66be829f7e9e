import type { JobContext } from "../jobs/job-queue";

/** At most this often a preview frame travels with a job update (≤ 4 per second). */
export const PREVIEW_INTERVAL_MS = 250;

/** Lets a preview through when the last one is at least PREVIEW_INTERVAL_MS old, whatever the engine sends. */
export class PreviewGate {
  private lastAt = -Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  pass(preview: string | undefined): string | undefined {
    if (preview === undefined) return undefined;
    const now = this.now();
    if (now - this.lastAt < PREVIEW_INTERVAL_MS) return undefined;
    this.lastAt = now;
    return preview;
  }
}

/** Reports `step` of `total` as the part [from, to] of the job's progress. */
export function reportSpan(ctx: JobContext, span: { from: number; to: number }, step: number, total: number, message: string, preview?: string): void {
  const share = total > 0 ? Math.min(1, step / total) : 0;
  ctx.progress({ fraction: span.from + (span.to - span.from) * share, step, total, message, ...(preview ? { preview } : {}) });
}

/** A prompt as a one-line title: whitespace folded, at most 60 characters. */
export function titleText(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return "(no prompt)";
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
