import { InferenceSession, Tensor } from "onnxruntime-node";
import { AppError } from "../../../../shared/errors";
import type { WhisperFiles } from "./model-files";
import type { WhisperSpec } from "./whisper-config";

/** Sums the time spent inside session.run, to tell model time from everything around it. */
export class RunClock {
  ms = 0;
  runs = 0;

  async time<T>(run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.ms += performance.now() - started;
      this.runs++;
    }
  }
}

/** The decoder's state after a step: the last position's logits and the key/value cache to feed back. */
export interface DecoderStep {
  logits: Float32Array;
  cache: ReadonlyMap<string, Tensor>;
}

const PAST = "past_key_values.";
const PRESENT = "present.";

async function open(file: string): Promise<InferenceSession> {
  try {
    return await InferenceSession.create(file, { executionProviders: ["cpu"], graphOptimizationLevel: "all" });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    throw new AppError("MODEL_LOAD_FAILED", `onnxruntime could not load ${file}: ${reason}`);
  }
}

function requireFloat32(session: InferenceSession, name: string, what: string): void {
  const meta = session.inputMetadata.find((value) => value.name === name);
  if (!meta) throw new AppError("MODEL_INCOMPATIBLE", `The Whisper ${what} has no "${name}" input.`);
  if (meta.isTensor && meta.type !== "float32") {
    throw new AppError("MODEL_INCOMPATIBLE", `The Whisper ${what} takes ${meta.type} "${name}"; only float32 (fp32 or quantized) exports are supported.`);
  }
}

/** Whisper's encoder and decoder sessions, with the feeds of the Hugging Face ONNX export. */
export class WhisperSessions {
  private constructor(
    private readonly spec: WhisperSpec,
    private readonly encoder: InferenceSession,
    /** The merged decoder, or the first-step decoder of a split export. */
    private readonly first: InferenceSession,
    private readonly withPast: InferenceSession,
  ) {}

  static async load(files: WhisperFiles, spec: WhisperSpec): Promise<WhisperSessions> {
    const sessions: InferenceSession[] = [];
    try {
      const encoder = await open(files.encoder);
      sessions.push(encoder);
      requireFloat32(encoder, "input_features", "encoder");
      if (!encoder.outputNames.includes("last_hidden_state")) throw new AppError("MODEL_INCOMPATIBLE", 'The Whisper encoder has no "last_hidden_state" output.');
      const first = await open(files.decoder.kind === "merged" ? files.decoder.file : files.decoder.first);
      sessions.push(first);
      const withPast = files.decoder.kind === "merged" ? first : await open(files.decoder.withPast);
      if (withPast !== first) sessions.push(withPast);
      for (const session of [first, withPast]) {
        if (!session.inputNames.includes("input_ids") || !session.outputNames.includes("logits")) {
          throw new AppError("MODEL_INCOMPATIBLE", 'The Whisper decoder lacks the "input_ids" input or the "logits" output.');
        }
      }
      const pastInputs = withPast.inputNames.filter((name) => name.startsWith(PAST)).length;
      if (pastInputs !== spec.decoderLayers * 4) {
        throw new AppError("MODEL_INCOMPATIBLE", `The Whisper decoder has ${pastInputs} cache inputs; config.json's ${spec.decoderLayers} layers need ${spec.decoderLayers * 4}.`);
      }
      return new WhisperSessions(spec, encoder, first, withPast);
    } catch (error) {
      await Promise.all(sessions.map((session) => session.release()));
      throw error;
    }
  }

  /** input_features [1, mel, frames] → last_hidden_state. */
  async encode(features: Float32Array, clock: RunClock): Promise<Tensor> {
    const frames = features.length / this.spec.melBins;
    const input = new Tensor("float32", features, [1, this.spec.melBins, frames]);
    const output = await clock.time(() => this.encoder.run({ input_features: input }));
    const hidden = output.last_hidden_state;
    if (!hidden) throw new AppError("MODEL_INCOMPATIBLE", "The Whisper encoder returned no last_hidden_state.");
    return hidden as Tensor;
  }

  /** The first step: the whole prompt, an empty cache. */
  decodeFirst(encoderStates: Tensor, tokens: readonly number[], clock: RunClock): Promise<DecoderStep> {
    return this.decode(this.first, encoderStates, tokens, new Map(), false, clock);
  }

  /** A later step: one new token, the cache of the step before (encoder keys/values reused). */
  decodeNext(encoderStates: Tensor, token: number, previous: DecoderStep, clock: RunClock): Promise<DecoderStep> {
    return this.decode(this.withPast, encoderStates, [token], previous.cache, true, clock);
  }

  async release(): Promise<void> {
    const unique = new Set([this.encoder, this.first, this.withPast]);
    await Promise.all([...unique].map((session) => session.release()));
  }

  private async decode(
    session: InferenceSession,
    encoderStates: Tensor,
    tokens: readonly number[],
    cache: ReadonlyMap<string, Tensor>,
    useCache: boolean,
    clock: RunClock,
  ): Promise<DecoderStep> {
    const feeds: Record<string, Tensor> = {};
    for (const name of session.inputNames) feeds[name] = this.feed(name, encoderStates, tokens, cache, useCache);
    // The encoder's keys/values never change after the first step: fetching them again would copy megabytes per token.
    const fetches = session.outputNames.filter((name) => name === "logits" || (name.startsWith(PRESENT) && (!useCache || !name.includes(".encoder."))));
    const output = await clock.time(() => session.run(feeds, fetches));
    const logits = output.logits;
    if (!logits || logits.type !== "float32") throw new AppError("MODEL_INCOMPATIBLE", "The Whisper decoder returned no float32 logits.");
    const vocab = logits.dims.at(-1) ?? 0;
    const data = logits.data as Float32Array;
    const next = new Map(cache);
    for (const name of fetches) {
      const value = output[name];
      if (name.startsWith(PRESENT) && value) next.set(PAST + name.slice(PRESENT.length), value as Tensor);
    }
    return { logits: data.slice(data.length - vocab), cache: next };
  }

  private feed(name: string, encoderStates: Tensor, tokens: readonly number[], cache: ReadonlyMap<string, Tensor>, useCache: boolean): Tensor {
    if (name === "input_ids") return new Tensor("int64", BigInt64Array.from(tokens, (id) => BigInt(id)), [1, tokens.length]);
    if (name === "encoder_hidden_states") return encoderStates;
    if (name === "use_cache_branch") return new Tensor("bool", Uint8Array.from([useCache ? 1 : 0]), [1]);
    if (name.startsWith(PAST)) {
      const cached = cache.get(name);
      if (cached) return cached;
      // The merged decoder's first step still takes cache inputs, with a past length of 0.
      return new Tensor("float32", new Float32Array(0), [1, this.spec.decoderHeads, 0, this.spec.headDim]);
    }
    throw new AppError("MODEL_INCOMPATIBLE", `The Whisper decoder asks for an input this app does not know: "${name}".`);
  }
}
