import { setTimeout as sleep } from "node:timers/promises";

export interface RetryPolicy {
  /** Failed attempts in a row without a byte of progress before giving up. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** Exponential backoff with jitter: about base, 2×base, 4×base… capped. */
export function backoffDelay(policy: RetryPolicy, failures: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential * (0.75 + Math.random() * 0.5));
}

/** Waits, or throws the signal's reason as soon as it aborts. */
export async function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw signal.reason;
  }
}
