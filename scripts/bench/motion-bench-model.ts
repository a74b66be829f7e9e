import { cp, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { ensureMotionFixtures } from "../fixtures/motion-fixtures";
import { OnnxGraph } from "../fixtures/onnx/onnx-graph";
import { createPrng, randomFloats } from "../fixtures/prng";

/** Channels and per-frame 3×3 layers of the benchmark motion UNet: enough work that session time dominates, as with real UNets. */
export const BENCH_MOTION_UNET = { channels: 96, layers: 3, frames: 16, contextWidth: 32 } as const;

/**
 * A "wider" motion UNet with the Locomotion interface (sample [1,4,16,h,w], timestep [1],
 * encoder_hidden_states [16,tokens,D] → out_sample): per-frame 3×3 convolutions at latent
 * resolution, a temporal 3-tap convolution, conditioned on each frame's pooled text and the timestep.
 */
export function buildBenchMotionUnet(): Uint8Array {
  const { channels, layers, frames, contextWidth } = BENCH_MOTION_UNET;
  const next = createPrng(919);
  const g = new OnnxGraph("bench_motion_unet");
  const dims = [1, 4, frames, "unet_sample_height", "unet_sample_width"];
  const sample = g.input("sample", "float32", dims);
  const timestep = g.input("timestep", "float32", [1]);
  const context = g.input("encoder_hidden_states", "float32", [frames, "unet_hidden_sequence", contextWidth]);
  const conv = (input: string, from: number, to: number, kernel: [number, number, number], name: string): string => {
    const fanIn = from * kernel[0] * kernel[1] * kernel[2];
    const pads = kernel.map((k) => (k - 1) / 2);
    return g.node("Conv", [input, g.weight(`${name}.weight`, [to, from, ...kernel], randomFloats(next, to * fanIn, 1 / Math.sqrt(fanIn))), g.weight(`${name}.bias`, [to], randomFloats(next, to, 0.05))], { pads: [...pads, ...pads] });
  };
  let hidden = conv(sample, 4, channels, [1, 3, 3], "conv_in");
  // Per-frame text: [F, tokens, D] → [F, C] → [1, C, F, 1, 1].
  const pooled = g.node("MatMul", [g.node("ReduceMean", [context], { axes: [1], keepdims: 0 }), g.weight("context_proj", [contextWidth, channels], randomFloats(next, contextWidth * channels, 0.3))]);
  const perFrame = g.node("Unsqueeze", [g.node("Transpose", [pooled], { perm: [1, 0] }), g.constInts("frame_axes", [0, 3, 4])]);
  const time = g.node("Reshape", [g.node("Sin", [g.node("Mul", [timestep, g.constFloat("time_frequency", [], [0.01])])]), g.constInts("time_shape", [1, 1, 1, 1, 1])]);
  hidden = g.node("Add", [hidden, g.node("Mul", [perFrame, time])]);
  for (let layer = 0; layer < layers; layer++) hidden = g.node("Add", [hidden, g.node("Relu", [conv(hidden, channels, channels, [1, 3, 3], `block${layer}`)])]);
  hidden = g.node("Add", [hidden, conv(hidden, channels, channels, [3, 1, 1], "temporal")]);
  g.output("out_sample", "float32", dims, conv(hidden, channels, 4, [1, 3, 3], "conv_out"));
  return g.toBytes();
}

/** The Locomotion fixture with the benchmark UNet (in model.onnx, no external data), in `<dir>/video/motion-bench`. */
export async function ensureBenchMotionPipeline(dir: string): Promise<string> {
  const fixtures = await ensureMotionFixtures(dir);
  const folder = path.join(dir, "video", "motion-bench");
  const unet = buildBenchMotionUnet();
  const existing = await readFile(path.join(folder, "unet/model.onnx")).catch(() => undefined);
  if (existing?.equals(unet)) return folder;
  await rm(folder, { recursive: true, force: true });
  await mkdir(path.dirname(folder), { recursive: true });
  await cp(fixtures.locomotion, folder, { recursive: true });
  await rm(path.join(folder, "unet/model.onnx.data"));
  await writeFileAtomic(path.join(folder, "unet/model.onnx"), Buffer.from(unet));
  return folder;
}
