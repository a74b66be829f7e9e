import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";
import type { WorkerHandlers } from "../../worker-runtime";
import { cancelledIf } from "./onnx-session";
import { encodeSamples, type TtsMethods } from "./tts-methods";
import type { TtsModels } from "./tts-models";

const synthesizeSchema = z
  .object({
    modelId: z.string().min(1).max(200),
    modelPath: z.string().min(1).max(4096).refine((p) => path.isAbsolute(p), "must be absolute"),
    sizeBytes: z.number().nonnegative(),
    text: z.string().min(1).max(10_000),
    speed: z.number().min(0.25).max(4),
    speaker: z.string().max(200).optional(),
  })
  .strict();

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", `Invalid ${what} request: ${parsed.error.issues[0]?.message ?? ""}`);
  return parsed.data;
}

/**
 * Text-to-speech in the speech engine. Syntheses run one at a time: one onnxruntime session
 * per voice, and the host asks for one sentence after another anyway.
 */
export function createTtsHandlers(models: TtsModels, log: (level: "info" | "warn", message: string) => void): WorkerHandlers<TtsMethods> {
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    "tts.synthesize": (rawInput, { signal }) =>
      oneAtATime(async () => {
        const input = parse(synthesizeSchema, rawInput, "synthesize");
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
