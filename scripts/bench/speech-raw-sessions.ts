import { InferenceSession, Tensor } from "onnxruntime-node";
import { decodeToMono16k, TARGET_SAMPLE_RATE } from "../../main/audio/decode";
import { detectSpeech, speechProbabilities } from "../../main/engines/speech/vad";
import { decodeWindow } from "../../main/engines/speech/whisper/decode-window";
import { promptTokens } from "../../main/engines/speech/whisper/prompt";
import { loadWhisperModel } from "../../main/engines/speech/whisper/whisper-model";
import { RunClock } from "../../main/engines/speech/whisper/whisper-sessions";
import { planWindows } from "../../main/engines/speech/whisper/windows";

/** One window's work as the raw baseline replays it: its features and the tokens fed back. */
interface RecordedWindow {
  features: Float32Array;
  prompt: number[];
  tokens: number[];
}

export interface RawSessions {
  /** Milliseconds inside session.run only: the VAD over the audio, then per window the encoder and every decoder step. */
  run(): Promise<number>;
  close(): Promise<void>;
}

type Feeds = Record<string, Tensor>;

async function timeRun(session: InferenceSession, feeds: Feeds, fetches?: string[]): Promise<[InferenceSession.ReturnType, number]> {
  const started = performance.now();
  const output = fetches ? await session.run(feeds, fetches) : await session.run(feeds);
  return [output, performance.now() - started];
}

/**
 * The baseline of the transcription benchmark: the same onnxruntime calls a transcription
 * makes (Silero over the whole audio, the encoder per window, the merged decoder once per
 * token with its cache fed back), replayed in-process with everything else prepared
 * beforehand, so only session.run time is counted.
 */
export async function openRawSessions(
  audioFile: string,
  whisperDir: string,
  vadFile: string,
  { layers, heads, headDim }: { layers: number; heads: number; headDim: number },
): Promise<RawSessions> {
  const samples = await decodeToMono16k(audioFile);
  const vad = await InferenceSession.create(vadFile, { executionProviders: ["cpu"], intraOpNumThreads: 1, interOpNumThreads: 1 });
  const model = await loadWhisperModel(whisperDir);
  const speech = await detectSpeech(vad, samples);
  const recorded: RecordedWindow[] = [];
  for (const window of planWindows(samples.length, speech, TARGET_SAMPLE_RATE)) {
    const features = model.features.extract(samples.subarray(window.start, window.end));
    const clock = new RunClock();
    const encoded = await model.sessions.encode(features, clock);
    const prompt = promptTokens(model.spec, "en", "transcribe");
    recorded.push({ features, prompt, tokens: await decodeWindow(model.sessions, model.spec, encoded, prompt, { clock }) });
  }
  await model.sessions.release();
  const options: InferenceSession.SessionOptions = { executionProviders: ["cpu"], graphOptimizationLevel: "all" };
  const encoder = await InferenceSession.create(`${whisperDir}/onnx/encoder_model.onnx`, options);
  const decoder = await InferenceSession.create(`${whisperDir}/onnx/decoder_model_merged.onnx`, options);
  const emptyPast = new Tensor("float32", new Float32Array(0), [1, heads, 0, headDim]);
  const selfFetches = ["logits", ...decoder.outputNames.filter((name) => name.startsWith("present.") && name.includes(".decoder."))];

  async function replayWindow(window: RecordedWindow): Promise<number> {
    let ms = 0;
    const frames = window.features.length / 80;
    const [encoded, encodeMs] = await timeRun(encoder, { input_features: new Tensor("float32", window.features, [1, 80, frames]) });
    ms += encodeMs;
    const hidden = encoded.last_hidden_state as Tensor;
    const past = new Map<string, Tensor>();
    for (let i = 0; i < layers; i++) {
      for (const part of ["decoder", "encoder"]) for (const kv of ["key", "value"]) past.set(`past_key_values.${i}.${part}.${kv}`, emptyPast);
    }
    const inputs = [window.prompt, ...window.tokens.map((token) => [token])];
    for (const [step, ids] of inputs.entries()) {
      const feeds: Feeds = Object.fromEntries(past);
      feeds.input_ids = new Tensor("int64", BigInt64Array.from(ids, (id) => BigInt(id)), [1, ids.length]);
      feeds.encoder_hidden_states = hidden;
      feeds.use_cache_branch = new Tensor("bool", Uint8Array.of(step === 0 ? 0 : 1), [1]);
      const [output, runMs] = await timeRun(decoder, feeds, step === 0 ? undefined : selfFetches);
      ms += runMs;
      for (const [name, value] of Object.entries(output)) {
        if (name.startsWith("present.")) past.set(`past_key_values.${name.slice("present.".length)}`, value as Tensor);
      }
    }
    return ms;
  }

  return {
    async run() {
      const started = performance.now();
      await speechProbabilities(vad, samples);
      let ms = performance.now() - started;
      for (const window of recorded) ms += await replayWindow(window);
      return ms;
    },
    async close() {
      await Promise.all([vad.release(), encoder.release(), decoder.release()]);
    },
  };
}
