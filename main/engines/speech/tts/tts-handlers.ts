import { z } from "zod";
import { createOneAtATime } from "../../one-at-a-time";
import { absolutePathSchema, parseWorkerInput } from "../../worker-input";
import type { WorkerHandlers } from "../../worker-runtime";
import { cancelledIf } from "./onnx-session";
import { encodeSamples, type TtsMethods } from "./tts-methods";
import type { TtsModels } from "./tts-models";

const synthesizeSchema = z
  .object({
    modelId: z.string().min(1).max(200),
    modelPath: absolutePathSchema,
    sizeBytes: z.number().nonnegative(),
    text: z.string().min(1).max(10_000),
    speed: z.number().min(0.25).max(4),
    speaker: z.string().max(200).optional(),
  })
  .strict();

/**
 * Text-to-speech in the speech engine. Syntheses run one at a time: one onnxruntime session
 * per voice, and the host asks for one sentence after another anyway.
 */
export function createTtsHandlers(models: TtsModels, log: (level: "info" | "warn", message: string) => void): WorkerHandlers<TtsMethods> {
  const oneAtATime = createOneAtATime();

  return {
    "tts.synthesize": (rawInput, { signal }) =>
      oneAtATime(async () => {
        const input = parseWorkerInput(synthesizeSchema, rawInput, "synthesize");
        cancelledIf(signal);
        const voice = await models.acquire(input);
        try {
          cancelledIf(signal);
          const result = await voice.synthesize(input, (message) => log("warn", `${input.modelId}: ${message}`));
          return { sampleRate: result.sampleRate, samples: encodeSamples(result.samples), phonemes: result.phonemes, ids: result.ids };
        } finally {
          models.release(input.modelId);
        }
      }),
  };
}
