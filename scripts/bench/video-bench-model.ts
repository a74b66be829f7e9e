import { readFile } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { mkdir } from "node:fs/promises";
import { OnnxGraph } from "../fixtures/onnx/onnx-graph";
import { createPrng, randomFloats } from "../fixtures/prng";
import { RIFE_FILE } from "../fixtures/rife-fixtures";

/** Channels and 3×3 layers at quarter resolution: enough work per call that session time dominates, as with real RIFE. */
export const BENCH_RIFE = { channels: 64, layers: 4 } as const;

/**
 * A RIFE-shaped model with real work in it (the rife-onnx I/O: img0, img1 [1,3,H,W], timestep [1] →
 * output): a 4×4 stride-4 stem over both frames, 3×3 convolutions, a transposed-conv head to a
 * per-pixel mask, and the frames blended by that mask shifted by the timestep.
 */
export function buildBenchRife(): Uint8Array {
  const { channels, layers } = BENCH_RIFE;
  const next = createPrng(1309);
  const g = new OnnxGraph("bench_rife");
  const frame = [1, 3, "height", "width"] as const;
  const img0 = g.input("img0", "float32", frame);
  const img1 = g.input("img1", "float32", frame);
  const timestep = g.input("timestep", "float32", [1]);
  const weight = (name: string, dims: number[], fanIn: number): string => g.weight(name, dims, randomFloats(next, dims.reduce((a, b) => a * b, 1), 1 / Math.sqrt(fanIn)));
  const both = g.node("Concat", [img0, img1], { axis: 1 });
  let hidden = g.node("Conv", [both, weight("stem.weight", [channels, 6, 4, 4], 96), weight("stem.bias", [channels], 96)], { strides: [4, 4] });
  for (let layer = 0; layer < layers; layer++) {
    const conv = g.node("Conv", [hidden, weight(`block${layer}.weight`, [channels, channels, 3, 3], channels * 9), weight(`block${layer}.bias`, [channels], channels * 9)], { pads: [1, 1, 1, 1] });
    hidden = g.node("Add", [hidden, g.node("Relu", [conv])]);
  }
  const logits = g.node("ConvTranspose", [hidden, weight("head.weight", [channels, 1, 4, 4], channels * 16)], { strides: [4, 4] });
  const mask = g.node("Sigmoid", [g.node("Add", [logits, g.node("Mul", [timestep, g.constFloat("time_gain", [], [4])])])]);
  const output = g.node("Add", [img0, g.node("Mul", [g.node("Sub", [img1, img0]), mask])]);
  g.output("output", "float32", frame, output);
  return g.toBytes();
}

/** The benchmark RIFE in `<dir>/video/rife-bench/` under the catalog's file name. */
export async function ensureBenchRife(dir: string): Promise<string> {
  const folder = path.join(dir, "video", "rife-bench");
  const file = path.join(folder, RIFE_FILE);
  const model = Buffer.from(buildBenchRife());
  const existing = await readFile(file).catch(() => undefined);
  if (!existing?.equals(model)) {
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(file, model);
  }
  return folder;
}
