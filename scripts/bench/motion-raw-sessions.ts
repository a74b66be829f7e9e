import path from "node:path";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { BENCH_MOTION_UNET } from "./motion-bench-model";

/** The workload both sides of the motion benchmark run: one 16-frame window at 512×512, guided, 4 steps. */
export const MOTION_BENCH = { width: 512, height: 512, frames: 16, steps: 4, cfgScale: 2, runs: 3 } as const;

const TOKENS = 77;

/**
 * The baseline: the raw `session.run` calls a guided 16-frame clip consists of, on the same model
 * files and input shapes: text encoder for prompt and negative prompt, two UNet calls per step
 * (the export's batch is fixed at 1), one VAE decode per frame. No tokenizer, scheduler, window
 * handling, conversion, PNG encoding or file writes.
 */
export async function openRawMotionSessions(folder: string): Promise<{ run(): Promise<number>; close(): Promise<void> }> {
  const options: InferenceSession.SessionOptions = { executionProviders: ["cpu"], graphOptimizationLevel: "all" };
  const textEncoder = await InferenceSession.create(path.join(folder, "text_encoder/model.onnx"), options);
  const unet = await InferenceSession.create(path.join(folder, "unet/model.onnx"), options);
  const vaeDecoder = await InferenceSession.create(path.join(folder, "vae_decoder/model.onnx"), options);
  const { frames, width, height, steps } = MOTION_BENCH;
  const [h, w] = [height / 8, width / 8];
  const ids = new Tensor("int32", Int32Array.from({ length: TOKENS }, (_, i) => (i === 0 ? 49406 : 49407)), [1, TOKENS]);
  const sample = new Tensor("float32", new Float32Array(4 * frames * h * w).fill(0.1), [1, 4, frames, h, w]);
  const context = new Tensor("float32", new Float32Array(frames * TOKENS * BENCH_MOTION_UNET.contextWidth).fill(0.2), [frames, TOKENS, BENCH_MOTION_UNET.contextWidth]);
  const latents = new Tensor("float32", new Float32Array(4 * h * w).fill(0.3), [1, 4, h, w]);
  return {
    async run() {
      const started = performance.now();
      await textEncoder.run({ input_ids: ids });
      await textEncoder.run({ input_ids: ids });
      for (let step = 0; step < steps; step++) {
        const timestep = new Tensor("float32", Float32Array.of(999 - step * 250), [1]);
        for (let call = 0; call < 2; call++) await unet.run({ sample, timestep, encoder_hidden_states: context });
      }
      for (let frame = 0; frame < frames; frame++) await vaeDecoder.run({ latent_sample: latents });
      return performance.now() - started;
    },
    async close() {
      await Promise.all([textEncoder.release(), unet.release(), vaeDecoder.release()]);
    },
  };
}
