import type { Tensor } from "onnxruntime-node";
import { AppError } from "../../../../shared/errors";
import { mostLikelyLanguage } from "./prompt";
import { applyTimestampRules, argmax } from "./timestamp-rules";
import type { WhisperSpec } from "./whisper-config";
import type { RunClock, WhisperSessions } from "./whisper-sessions";

export interface DecodeOptions {
  signal?: AbortSignal;
  clock: RunClock;
}

const cancelled = (): AppError => new AppError("CANCELLED", "Cancelled.");

/** The language Whisper hears in one encoded window (multilingual models). */
export async function detectLanguage(sessions: WhisperSessions, spec: WhisperSpec, encoded: Tensor, options: DecodeOptions): Promise<string> {
  const step = await sessions.decodeFirst(encoded, [spec.specials.sot], options.clock);
  return mostLikelyLanguage(spec, step.logits);
}

/**
 * Greedy decoding of one encoded window with timestamps: the prompt first, then one token
 * per step with the key/value cache fed back, until end-of-text or Whisper's 448-token
 * limit. Returns the sampled tokens (without the prompt and end-of-text). Checks for
 * cancellation before every decoder step.
 */
export async function decodeWindow(
  sessions: WhisperSessions,
  spec: WhisperSpec,
  encoded: Tensor,
  prompt: readonly number[],
  options: DecodeOptions,
): Promise<number[]> {
  const generated: number[] = [];
  if (options.signal?.aborted) throw cancelled();
  let step = await sessions.decodeFirst(encoded, prompt, options.clock);
  for (;;) {
    const logits = step.logits;
    applyTimestampRules(logits, generated, spec);
    const token = argmax(logits);
    if (token === spec.specials.eot || logits[token] === Number.NEGATIVE_INFINITY) break;
    generated.push(token);
    if (prompt.length + generated.length >= spec.maxLength) break;
    if (options.signal?.aborted) throw cancelled();
    step = await sessions.decodeNext(encoded, token, step, options.clock);
  }
  return generated;
}
