import { Tensor, type InferenceSession } from "onnxruntime-node";
import { AppError } from "../../../shared/errors";
import type { TimeSpan } from "../../../shared/speech";
import { DEFAULT_SPEECH_OPTIONS, speechRegions, type SpeechTimestampOptions } from "./speech-timestamps";

export const VAD_SAMPLE_RATE = 16_000;
/** Silero v5 at 16 kHz: 512 new samples per window, after 64 samples of context from the window before. */
export const VAD_WINDOW = 512;
const VAD_CONTEXT = 64;

export interface VadOptions extends Partial<SpeechTimestampOptions> {
  signal?: AbortSignal;
  /** Fraction of the audio scored so far, about every few seconds of audio. */
  onProgress?: (fraction: number) => void;
}

/** Fails clearly for graphs that are not Silero v5 (v4 takes `h`/`c` instead of `state`). */
export function assertSileroV5(session: InferenceSession): void {
  const inputs = new Set(session.inputNames);
  const missing = ["input", "state", "sr"].filter((name) => !inputs.has(name));
  if (missing.length > 0 || !session.outputNames.includes("output") || !session.outputNames.includes("stateN")) {
    throw new AppError(
      "MODEL_INCOMPATIBLE",
      `This VAD model is not Silero VAD v5 (it lacks ${missing.length ? missing.join(", ") : "the output/stateN outputs"}).`,
    );
  }
}

/** The speech probability of every 32 ms window, state carried from one window to the next. */
export async function speechProbabilities(session: InferenceSession, samples: Float32Array, options: VadOptions = {}): Promise<Float32Array> {
  assertSileroV5(session);
  const windows = Math.ceil(samples.length / VAD_WINDOW);
  const probabilities = new Float32Array(windows);
  const frame = new Float32Array(VAD_CONTEXT + VAD_WINDOW);
  const input = new Tensor("float32", frame, [1, frame.length]);
  const sr = new Tensor("int64", BigInt64Array.from([BigInt(VAD_SAMPLE_RATE)]), []);
  let state: Tensor = new Tensor("float32", new Float32Array(2 * 128), [2, 1, 128]);
  const progressEvery = Math.max(1, Math.round((10 * VAD_SAMPLE_RATE) / VAD_WINDOW));
  for (let i = 0; i < windows; i++) {
    if (options.signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
    // The last 64 samples of this frame become the next one's context; the tail is zero-padded.
    frame.copyWithin(0, VAD_WINDOW);
    const chunk = samples.subarray(i * VAD_WINDOW, (i + 1) * VAD_WINDOW);
    frame.set(chunk, VAD_CONTEXT);
    frame.fill(0, VAD_CONTEXT + chunk.length);
    const result = await session.run({ input, state, sr });
    const output = result.output;
    const next = result.stateN;
    if (!output || !next) throw new AppError("MODEL_INCOMPATIBLE", "The VAD model returned no output/stateN.");
    probabilities[i] = Number((output.data as Float32Array)[0] ?? 0);
    state = next;
    if (i % progressEvery === 0) options.onProgress?.(i / windows);
  }
  options.onProgress?.(1);
  return probabilities;
}

/** Speech regions (seconds) in 16 kHz mono audio, with Silero's default thresholds unless given. */
export async function detectSpeech(session: InferenceSession, samples16k: Float32Array, options: VadOptions = {}): Promise<TimeSpan[]> {
  const { signal, onProgress, ...overrides } = options;
  const probabilities = await speechProbabilities(session, samples16k, { signal, onProgress });
  return speechRegions(probabilities, samples16k.length, VAD_SAMPLE_RATE, VAD_WINDOW, { ...DEFAULT_SPEECH_OPTIONS, ...overrides });
}
