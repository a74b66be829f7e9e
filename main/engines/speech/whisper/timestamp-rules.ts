import type { WhisperSpec } from "./whisper-config";

const NEG = Number.NEGATIVE_INFINITY;

function suppressRange(logits: Float32Array, from: number, to: number): void {
  logits.fill(NEG, Math.max(0, from), Math.min(logits.length, to));
}

function logSumExp(values: Float32Array, from: number, to: number): number {
  let max = NEG;
  for (let i = from; i < to; i++) max = Math.max(max, values[i] ?? NEG);
  if (max === NEG) return NEG;
  let sum = 0;
  for (let i = from; i < to; i++) sum += Math.exp((values[i] ?? NEG) - max);
  return max + Math.log(sum);
}

/**
 * Masks one step's logits in place the way Whisper decodes with timestamps: suppressed
 * tokens, every non-timestamp special except end-of-text, and the timestamp rules of
 * OpenAI's `ApplyTimestampRules` — the first token is a timestamp within
 * `max_initial_timestamp_index`; timestamps come in pairs (after a lone one only text or
 * end-of-text, after a pair only text); they never go back and a segment never has zero
 * length; and when all timestamps together are more likely than the best text token, a
 * timestamp is forced. `generated` is what was sampled after the prompt.
 */
export function applyTimestampRules(logits: Float32Array, generated: readonly number[], spec: WhisperSpec): void {
  const { eot, timestampBegin } = spec.specials;
  for (const id of spec.suppressTokens) if (id < logits.length) logits[id] = NEG;
  suppressRange(logits, eot + 1, timestampBegin);
  if (generated.length === 0) for (const id of spec.beginSuppressTokens) if (id < logits.length) logits[id] = NEG;

  const last = generated.at(-1);
  const penultimate = generated.at(-2);
  const lastWasTimestamp = last !== undefined && last >= timestampBegin;
  const penultimateWasTimestamp = generated.length < 2 || (penultimate !== undefined && penultimate >= timestampBegin);
  if (lastWasTimestamp) {
    if (penultimateWasTimestamp) suppressRange(logits, timestampBegin, logits.length);
    else suppressRange(logits, 0, eot);
  }

  const lastTimestamp = [...generated].reverse().find((id) => id >= timestampBegin);
  if (lastTimestamp !== undefined) {
    // After a lone timestamp the closing one may equal it; otherwise time must move on.
    const floor = lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1;
    suppressRange(logits, timestampBegin, floor);
  }

  if (generated.length === 0) {
    suppressRange(logits, 0, timestampBegin);
    suppressRange(logits, timestampBegin + spec.maxInitialTimestampIndex + 1, logits.length);
  }

  const total = logSumExp(logits, 0, logits.length);
  const timestampLogProb = logSumExp(logits, timestampBegin, logits.length) - total;
  let maxTextLogit = NEG;
  for (let i = 0; i < timestampBegin; i++) maxTextLogit = Math.max(maxTextLogit, logits[i] ?? NEG);
  if (timestampLogProb > maxTextLogit - total) suppressRange(logits, 0, timestampBegin);
}

/** Index of the largest value (the first one on ties). */
export function argmax(values: Float32Array): number {
  let best = 0;
  let bestValue = NEG;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? NEG;
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  return best;
}
