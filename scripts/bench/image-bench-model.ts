import { cp, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { ensureImageFixtures } from "../fixtures/image-fixtures";
import { OnnxGraph } from "../fixtures/onnx/onnx-graph";
import { sdAxes } from "../fixtures/onnx/sd-axes";
import { createPrng, randomFloats } from "../fixtures/prng";

/** Channels and 3×3 conv layers of the benchmark UNet: enough work that session time dominates, as with real UNets. */
export const BENCH_UNET = { channels: 160, layers: 6, contextWidth: 32 } as const;

/**
 * A "wider" UNet with the Optimum SD 1.5 interface (sample, int64 timestep, encoder_hidden_states → out_sample):
 * 3×3 convolutions at latent resolution, conditioned on the pooled text and the timestep.
 */
export function buildBenchUnet(): Uint8Array {
  const { channels, layers, contextWidth } = BENCH_UNET;
  const next = createPrng(909);
  const axes = sdAxes("optimum");
  const g = new OnnxGraph("bench_unet");
  const sample = g.input("sample", "float32", axes.unetSample);
  const timestep = g.node("Cast", [g.input("timestep", "int64", axes.timestep)], { to: 1 });
  const context = g.input("encoder_hidden_states", "float32", axes.unetContext(contextWidth));
  const conv = (input: string, from: number, to: number, name: string): string =>
    g.node("Conv", [input, g.weight(`${name}.weight`, [to, from, 3, 3], randomFloats(next, to * from * 9, 1 / Math.sqrt(from * 9))), g.weight(`${name}.bias`, [to], randomFloats(next, to, 0.05))], { pads: [1, 1, 1, 1] });
  let hidden = conv(sample, 4, channels, "conv_in");
  const pooled = g.node("ReduceMean", [context], { axes: [1], keepdims: 0 });
  const condition = g.node("MatMul", [pooled, g.weight("context_proj", [contextWidth, channels], randomFloats(next, contextWidth * channels, 0.3))]);
  const time = g.node("Sin", [g.node("Mul", [timestep, g.constFloat("time_frequency", [], [0.01])])]);
  const shift = g.node("Mul", [g.node("Unsqueeze", [condition, g.constInts("axes", [2, 3])]), g.node("Reshape", [time, g.constInts("time_shape", [-1, 1, 1, 1])])]);
  hidden = g.node("Add", [hidden, shift]);
  for (let layer = 0; layer < layers; layer++) hidden = g.node("Add", [hidden, g.node("Relu", [conv(hidden, channels, channels, `block${layer}`)])]);
  g.floatOutput("out_sample", axes.unetSample, conv(hidden, channels, 4, "conv_out"));
  return g.toBytes();
}

/** The SD 1.5 fixture pipeline with the benchmark UNet, in `<dir>/sd-bench`. */
export async function ensureBenchPipeline(dir: string): Promise<string> {
  const fixtures = await ensureImageFixtures(dir);
  const folder = path.join(dir, "image", "sd-bench");
  const unet = buildBenchUnet();
  const existing = await readFile(path.join(folder, "unet/model.onnx")).catch(() => undefined);
  if (existing?.equals(unet)) return folder;
  await rm(folder, { recursive: true, force: true });
  await mkdir(path.dirname(folder), { recursive: true });
  await cp(fixtures.sd15, folder, { recursive: true });
  await writeFileAtomic(path.join(folder, "unet/model.onnx"), Buffer.from(unet));
  return folder;
}
