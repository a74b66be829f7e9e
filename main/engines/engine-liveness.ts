import { AppError } from "../../shared/errors";
import type { EngineName } from "../../shared/jobs";

/** How long an engine may stay silent before it counts as hung (alive, but its event loop not running). */
export interface EngineLiveness {
  /** How often the worker is pinged. */
  heartbeatIntervalMs: number;
  /** Silence (no frame of any kind) after which the engine is hung: killed, its calls failed with ENGINE_HUNG. */
  hangTimeoutMs: number;
  /** After a cancel, how long the worker has to show it still reads frames before it counts as hung. */
  cancelAckMs: number;
}

/**
 * node-llama-cpp loads models and evaluates in native threads, so the LLM worker's event loop
 * answers within milliseconds even during a 20 GB load: a short limit is safe.
 */
export const DEFAULT_LIVENESS: EngineLiveness = { heartbeatIntervalMs: 1_000, hangTimeoutMs: 10_000, cancelAckMs: 5_000 };

/**
 * onnxruntime-node (1.30) runs `InferenceSession.create` and every `session.run` synchronously
 * on the worker's JS thread, so every other worker (image, speech, video, ONNX) falls silent for
 * as long as one model load or one inference step takes (minutes for a large UNet on a slow CPU
 * or disk).
 * Their limits are sized for that; the calls other engines depend on are bounded separately
 * (main/models/configured-engine.ts), so a busy or hung one never holds the others up.
 */
const BLOCKING_NATIVE_LIVENESS: EngineLiveness = { heartbeatIntervalMs: 1_000, hangTimeoutMs: 10 * 60_000, cancelAckMs: 60_000 };

export function livenessFor(engine: EngineName): EngineLiveness {
  return engine === "llm" ? DEFAULT_LIVENESS : BLOCKING_NATIVE_LIVENESS;
}

export function hungError(engine: EngineName, silentMs: number): AppError {
  const seconds = Math.round(silentMs / 100) / 10;
  return new AppError(
    "ENGINE_HUNG",
    `The ${engine} engine stopped responding (no answer for ${seconds} s), so Atelier stopped it. Try again: it restarts on the next request.`,
  );
}
