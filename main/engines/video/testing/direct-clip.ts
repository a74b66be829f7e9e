import { readFile } from "node:fs/promises";
import path from "node:path";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { ClipTokenizer } from "../../image/clip-tokenizer";
import { createRandom } from "../../image/random";
import { createScheduler } from "../../image/schedulers";
import type { MotionGenerateInput } from "../methods";
import { parseAmuseTemplate } from "../motion/amuse-template";
import { motionSchedulerConfig } from "../motion/motion-scheduler";

/**
 * A text-to-video clip computed without the engine's pipeline: raw sessions, hand-written window
 * gathering and an explicit pyramid-weighted mean, for one unguided step of a float32 export with
 * a fixed 16-frame window. Returns each frame as interleaved RGB bytes.
 */
export async function directClip(folder: string, input: MotionGenerateInput, windowStarts: readonly number[]): Promise<Uint8Array[]> {
  const open = (part: string) => InferenceSession.create(path.join(folder, part, "model.onnx"));
  const [textEncoder, unet, vae] = [await open("text_encoder"), await open("unet"), await open("vae_decoder")];
  const ids = (await ClipTokenizer.load(path.join(folder, "tokenizer"))).encode(input.prompt);
  const hidden = (await textEncoder.run({ input_ids: new Tensor("int32", Int32Array.from(ids), [1, 77]) })).last_hidden_state?.data as Float32Array;

  const [frames, context, h, w] = [input.frames, 16, input.height / 8, input.width / 8];
  const plane = h * w;
  const at = (c: number, f: number, p: number): number => (c * frames + f) * plane + p;
  const random = createRandom(input.seed);
  const noise = new Float32Array(4 * frames * plane);
  for (let f = 0; f < frames; f++) {
    const drawn = random.normal(4 * plane);
    for (let c = 0; c < 4; c++) for (let p = 0; p < plane; p++) noise[at(c, f, p)] = drawn[c * plane + p] ?? 0;
  }
  const template = parseAmuseTemplate(JSON.parse(await readFile(path.join(folder, "amuse_template.json"), "utf8")));
  const scheduler = createScheduler(input.sampler, motionSchedulerConfig(input.sampler, undefined, template.schedule), input.steps);
  const latents = noise.map((value) => value * scheduler.initNoiseSigma);

  const sum = new Float64Array(latents.length);
  const weights = new Float64Array(frames);
  const context16 = new Float32Array(context * hidden.length);
  for (let f = 0; f < context; f++) context16.set(hidden, f * hidden.length);
  for (const start of windowStarts) {
    const sample = new Float32Array(4 * context * plane);
    for (let c = 0; c < 4; c++) for (let f = 0; f < context; f++) for (let p = 0; p < plane; p++) sample[(c * context + f) * plane + p] = latents[at(c, start + f, p)] ?? 0;
    const feeds = {
      sample: new Tensor("float32", sample, [1, 4, context, h, w]),
      timestep: new Tensor("float32", Float32Array.of(scheduler.timesteps[0] ?? 0), [1]),
      encoder_hidden_states: new Tensor("float32", context16, [context, 77, hidden.length / 77]),
    };
    const out = (await unet.run(feeds)).out_sample?.data as Float32Array;
    for (let f = 0; f < context; f++) {
      const weight = Math.min(f + 1, context - f); // 1, 2, …, 8, 8, …, 2, 1
      weights[start + f] = (weights[start + f] ?? 0) + weight;
      for (let c = 0; c < 4; c++) for (let p = 0; p < plane; p++) sum[at(c, start + f, p)] = (sum[at(c, start + f, p)] ?? 0) + weight * (out[(c * context + f) * plane + p] ?? 0);
    }
  }
  const prediction = new Float32Array(latents.length);
  for (let c = 0; c < 4; c++) for (let f = 0; f < frames; f++) for (let p = 0; p < plane; p++) prediction[at(c, f, p)] = (sum[at(c, f, p)] ?? 0) / (weights[f] ?? 1);
  const final = scheduler.step(prediction, 0, latents, () => new Float32Array(latents.length)).prevSample;

  const result: Uint8Array[] = [];
  for (let f = 0; f < frames; f++) {
    const frame = new Float32Array(4 * plane);
    for (let c = 0; c < 4; c++) for (let p = 0; p < plane; p++) frame[c * plane + p] = (final[at(c, f, p)] ?? 0) / 0.18215;
    const image = (await vae.run({ latent_sample: new Tensor("float32", frame, [1, 4, h, w]) })).sample?.data as Float32Array;
    const pixels = new Uint8Array(3 * 64 * plane);
    for (let i = 0; i < 64 * plane; i++) for (let c = 0; c < 3; c++) pixels[i * 3 + c] = Math.round(Math.min(Math.max((image[c * 64 * plane + i] ?? 0) / 2 + 0.5, 0), 1) * 255);
    result.push(pixels);
  }
  await Promise.all([textEncoder.release(), unet.release(), vae.release()]);
  return result;
}
