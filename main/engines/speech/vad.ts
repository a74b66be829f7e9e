import { Tensor, type InferenceSession } from "onnxruntime-node";
import { AppError } from "../../../shared/errors";
import type { TimeSpan } from "../../../shared/speech";
import { DEFAULT_SPEECH_OPTIONS, speechRegions, type SpeechTimestampOptions } from "./speech-timestamps";

export const VAD_SAMPLE_RATE = 16_000;
/** Silero v5 at 16 kHz: 512 new samples per window, after 64 samples of context from the window before. */
export const VAD_WINDOW = 512;
const VAD_CONTEXT = 64;
const FRAME = VAD_CONTEXT + VAD_WINDOW;

export interface VadOptions extends Partial<SpeechTimestampOptions> {
  signal?: AbortSignal;
  /** Fraction of the audio scored so far, about every few seconds of audio. */
  onProgress?: (fraction: number) => void;
  /** Batched streams for long audio (1 = one sequential pass). */
  maxStreams?: number;
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

/**
 * The speech probability of every 32 ms window, state carried from one window to the next.
 * Long audio runs as up to `maxStreams` batched streams (one batch row each, at least a
 * minute long, about 4× faster at 16 streams); each stream starts two seconds early so its
 * state has settled by the first window it scores. Silero's state remembers far back, so
 * scores drift by a few thousandths and region edges move by at most a window (32 ms).
 */
export async function speechProbabilities(session: InferenceSession, samples: Float32Array, options: VadOptions = {}): Promise<Float32Array> {
  assertSileroV5(session);
  const windows = Math.ceil(samples.length / VAD_WINDOW);
  const probabilities = new Float32Array(windows);
  const streams = planStreams(windows, options.maxStreams ?? 16);
  const rows = streams.length;
  const frame = new Float32Array(rows * FRAME);
  const input = new Tensor("float32", frame, [rows, FRAME]);
  const sr = new Tensor("int64", BigInt64Array.from([BigInt(VAD_SAMPLE_RATE)]), []);
  let state: Tensor = new Tensor("float32", new Float32Array(2 * rows * 128), [2, rows, 128]);
  const steps = Math.max(0, ...streams.map((stream) => stream.end - stream.from));
  const progressEvery = Math.max(1, Math.round((10 * VAD_SAMPLE_RATE) / VAD_WINDOW));
  for (let step = 0; step < steps; step++) {
    if (options.signal?.aborted) throw new AppError("CANCELLED", "Cancelled.");
    streams.forEach((stream, row) => {
      // The last 64 samples of a row become its next context; the tail is zero-padded.
      const window = stream.from + step;
      const frameRow = frame.subarray(row * FRAME, (row + 1) * FRAME);
      const chunk = window < stream.end ? samples.subarray(window * VAD_WINDOW, (window + 1) * VAD_WINDOW) : frameRow.subarray(0, 0);
      frameRow.copyWithin(0, VAD_WINDOW);
      frameRow.set(chunk, VAD_CONTEXT);
      frameRow.fill(0, VAD_CONTEXT + chunk.length);
    });
    const result = await session.run({ input, state, sr });
    const output = result.output;
    const next = result.stateN;
    if (!output || !next) throw new AppError("MODEL_INCOMPATIBLE", "The VAD model returned no output/stateN.");
    const scores = output.data as Float32Array;
    streams.forEach((stream, row) => {
      const window = stream.from + step;
      if (window >= stream.start && window < stream.end) probabilities[window] = scores[row] ?? 0;
    });
    state = next;
    if (step % progressEvery === 0) options.onProgress?.(step / steps);
  }
  options.onProgress?.(1);
  return probabilities;
}

interface Stream {
  /** First window run (warm-up included). */
  from: number;
  /** First window whose score is kept. */
  start: number;
  end: number;
}

const MIN_STREAM_WINDOWS = Math.round((60 * VAD_SAMPLE_RATE) / VAD_WINDOW);
const WARM_UP_WINDOWS = Math.round((2 * VAD_SAMPLE_RATE) / VAD_WINDOW);

function planStreams(windows: number, maxStreams: number): Stream[] {
  const count = Math.max(1, Math.min(maxStreams, Math.floor(windows / MIN_STREAM_WINDOWS)));
  const per = Math.ceil(windows / count);
  return Array.from({ length: count }, (_, index) => {
    const start = index * per;
    return { from: Math.max(0, start - WARM_UP_WINDOWS), start, end: Math.min(windows, start + per) };
  });
}

/** Speech regions (seconds) in 16 kHz mono audio, with Silero's default thresholds unless given. */
export async function detectSpeech(session: InferenceSession, samples16k: Float32Array, options: VadOptions = {}): Promise<TimeSpan[]> {
  const { signal, onProgress, maxStreams, ...overrides } = options;
  const probabilities = await speechProbabilities(session, samples16k, { signal, onProgress, ...(maxStreams ? { maxStreams } : {}) });
  return speechRegions(probabilities, samples16k.length, VAD_SAMPLE_RATE, VAD_WINDOW, { ...DEFAULT_SPEECH_OPTIONS, ...overrides });
}
