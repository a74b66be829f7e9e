import path from "node:path";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { BENCH_UNET } from "./image-bench-model";

/** The workload both sides of the image benchmark run: SD 1.5 shapes at 512×512, guided, 20 steps. */
export const IMAGE_BENCH = { width: 512, height: 512, steps: 20, cfgScale: 7, runs: 5 } as const;

const TOKENS = 77;

/**
 * The baseline: the raw `session.run` calls a guided generation consists of, on the same model
 * files and the same input shapes: text encoder for prompt and negative prompt, one batch-2
 * UNet call per step, one VAE decode. No tokenizer, scheduler, conversion or encoding.
 */
export async function openRawSessions(folder: string): Promise<{ run(): Promise<number>; close(): Promise<void> }> {
  const options: InferenceSession.SessionOptions = { executionProviders: ["cpu"], graphOptimizationLevel: "all" };
  const textEncoder = await InferenceSession.create(path.join(folder, "text_encoder/model.onnx"), options);
  const unet = await InferenceSession.create(path.join(folder, "unet/model.onnx"), options);
  const vaeDecoder = await InferenceSession.create(path.join(folder, "vae_decoder/model.onnx"), options);
  const h = IMAGE_BENCH.height / 8;
  const w = IMAGE_BENCH.width / 8;
  const ids = new Tensor("int32", Int32Array.from({ length: TOKENS }, (_, i) => (i === 0 ? 49406 : 49407)), [1, TOKENS]);
  const sample = new Tensor("float32", new Float32Array(2 * 4 * h * w).fill(0.1), [2, 4, h, w]);
  const context = new Tensor("float32", new Float32Array(2 * TOKENS * BENCH_UNET.contextWidth).fill(0.2), [2, TOKENS, BENCH_UNET.contextWidth]);
  const latents = new Tensor("float32", new Float32Array(4 * h * w).fill(0.3), [1, 4, h, w]);
  return {
    async run() {
      const started = performance.now();
      await textEncoder.run({ input_ids: ids });
      await textEncoder.run({ input_ids: ids });
      for (let step = 0; step < IMAGE_BENCH.steps; step++) {
        const timestep = new Tensor("int64", new BigInt64Array(2).fill(BigInt(999 - step * 50)), [2]);
        await unet.run({ sample, timestep, encoder_hidden_states: context });
      }
      await vaeDecoder.run({ latent_sample: latents });
      return performance.now() - started;
    },
    async close() {
      await Promise.all([textEncoder.release(), unet.release(), vaeDecoder.release()]);
    },
  };
}
