import { z } from "zod";
import { decodeToMono16k, TARGET_SAMPLE_RATE } from "../../audio/decode";
import { absolutePathSchema as absolutePath, parseWorkerInput } from "../worker-input";
import type { WorkerHandlers } from "../worker-runtime";
import type { SttMethods } from "./stt-methods";
import type { SttModels } from "./stt-models";
import { transcribe } from "./transcribe";
import { detectSpeech } from "./vad";

const modelId = z.string().min(1).max(200);
const vadRef = z.object({ modelId, file: absolutePath });

const detectSpeechSchema = z.object({ audioPath: absolutePath, vad: vadRef });
const transcribeSchema = z.object({
  audioPath: absolutePath,
  model: z.object({ modelId, dir: absolutePath }),
  vad: vadRef.optional(),
  language: z.string().regex(/^(auto|[a-z]{2,3})$/),
  task: z.enum(["transcribe", "translate"]),
});

/** The speech-to-text methods of the speech engine. */
export function createSttHandlers(models: SttModels): WorkerHandlers<SttMethods> {
  return {
    "stt.detectSpeech": async (rawInput, { signal, emit }) => {
      const input = parseWorkerInput(detectSpeechSchema, rawInput, "detectSpeech");
      const samples = await decodeToMono16k(input.audioPath, signal);
      const speech = await models.withVad(input.vad, (session) => detectSpeech(session, samples, { signal, onProgress: (fraction) => emit({ fraction }) }));
      return { speech, durationSeconds: samples.length / TARGET_SAMPLE_RATE };
    },
    "stt.transcribe": async (rawInput, context) => transcribe(models, parseWorkerInput(transcribeSchema, rawInput, "transcribe"), context),
  };
}
