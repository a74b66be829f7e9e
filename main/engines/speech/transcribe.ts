import { AppError } from "../../../shared/errors";
import type { TimeSpan } from "../../../shared/speech";
import { decodeToMono16k, TARGET_SAMPLE_RATE } from "../../audio/decode";
import type { HandlerContext } from "../worker-runtime";
import type { SttModels } from "./stt-models";
import type { TranscribeEvent, TranscribeInput, TranscribeOutput } from "./stt-methods";
import { detectSpeech } from "./vad";
import { decodeWindow, detectLanguage } from "./whisper/decode-window";
import { checkRequest, promptTokens } from "./whisper/prompt";
import { windowSegments, type TimedText } from "./whisper/segments";
import { planWindows } from "./whisper/windows";
import { RunClock } from "./whisper/whisper-sessions";

const cancelled = (): AppError => new AppError("CANCELLED", "Cancelled.");

/**
 * Transcribes one audio file: decode to 16 kHz mono, find speech with the VAD (when one is
 * given), cut 30-second windows at silences, then per window log-mel features → encoder →
 * greedy decoding with timestamps. Emits VAD progress, the plan, then each window's segments.
 */
export async function transcribe(models: SttModels, input: TranscribeInput, context: HandlerContext<TranscribeEvent>): Promise<TranscribeOutput> {
  const started = performance.now();
  const { signal } = context;
  const samples = await decodeToMono16k(input.audioPath, signal);
  const decodeAudioMs = performance.now() - started;

  const vadStarted = performance.now();
  const onProgress = (fraction: number): void => context.emit({ type: "vad", fraction });
  const speech: TimeSpan[] | undefined = input.vad
    ? await models.withVad(input.vad, (session) => detectSpeech(session, samples, { signal, onProgress }))
    : undefined;
  const vadMs = performance.now() - vadStarted;
  const windows = planWindows(samples.length, speech, TARGET_SAMPLE_RATE);
  context.emit({ type: "planned", windows: windows.length, usedVad: speech !== undefined, speech: speech ?? [] });

  const clock = new RunClock();
  let featuresMs = 0;
  const result = await models.withWhisper(input.model, async (model) => {
    checkRequest(model.spec, input.language, input.task);
    let language = model.spec.multilingual ? input.language : "en";
    const segments: TimedText[] = [];
    for (const [index, window] of windows.entries()) {
      if (signal.aborted) throw cancelled();
      const featuresStarted = performance.now();
      const features = model.features.extract(samples.subarray(window.start, window.end));
      featuresMs += performance.now() - featuresStarted;
      const encoded = await model.sessions.encode(features, clock);
      if (language === "auto") language = await detectLanguage(model.sessions, model.spec, encoded, { signal, clock });
      const prompt = promptTokens(model.spec, language, input.task);
      const tokens = await decodeWindow(model.sessions, model.spec, encoded, prompt, { signal, clock });
      const span = { offset: window.start / TARGET_SAMPLE_RATE, duration: (window.end - window.start) / TARGET_SAMPLE_RATE };
      const found = windowSegments(tokens, model.spec.specials, span, (ids) => model.tokenizer.decode(ids));
      segments.push(...found);
      context.emit({ type: "window", window: index + 1, windows: windows.length, language, segments: found });
    }
    // Nothing to hear: a multilingual model asked to detect reports no language rather than a guess.
    return { language: language === "auto" ? "und" : language, segments };
  });

  return {
    ...result,
    speech: speech ?? [],
    usedVad: speech !== undefined,
    windows: windows.length,
    durationSeconds: samples.length / TARGET_SAMPLE_RATE,
    timings: {
      totalMs: performance.now() - started,
      whisperRunMs: clock.ms,
      whisperRuns: clock.runs,
      featuresMs,
      decodeAudioMs,
      vadMs,
    },
  };
}
