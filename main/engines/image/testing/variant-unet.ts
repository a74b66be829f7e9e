import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { OnnxGraph } from "../../../../scripts/fixtures/onnx/onnx-graph";
import { createPrng, randomFloats } from "../../../../scripts/fixtures/prng";
import { copyFixture } from "./image-test-support";

export interface VariantUnet {
  /** An LCM-distilled UNet's `timestep_cond` [batch, dim] input. */
  timeCondDim?: number;
  /** A static batch of 1 (some exports): guidance then takes two calls per step. */
  staticBatch?: boolean;
}

const CONTEXT_WIDTH = 32;

/** A small Optimum-style UNet (int64 timestep) with the given variations, for paths the shared fixtures do not cover. */
export function buildVariantUnet(variant: VariantUnet): Uint8Array {
  const next = createPrng(321);
  const g = new OnnxGraph("variant_unet");
  const batch = variant.staticBatch ? 1 : "batch_size";
  const sample = g.input("sample", "float32", [batch, 4, "height", "width"]);
  const timestep = g.node("Cast", [g.input("timestep", "int64", ["steps"])], { to: 1 });
  const context = g.input("encoder_hidden_states", "float32", [batch, "sequence_length", CONTEXT_WIDTH]);
  const base = g.node("Conv", [sample, g.weight("conv.weight", [4, 4, 1, 1], randomFloats(next, 16, 0.5)), g.weight("conv.bias", [4], randomFloats(next, 4, 0.05))]);
  let condition = g.node("MatMul", [g.node("ReduceMean", [context], { axes: [1], keepdims: 0 }), g.weight("proj", [CONTEXT_WIDTH, 4], randomFloats(next, CONTEXT_WIDTH * 4, 0.5))]);
  if (variant.timeCondDim !== undefined) {
    const timeCond = g.input("timestep_cond", "float32", [batch, variant.timeCondDim]);
    condition = g.node("Add", [condition, g.node("MatMul", [timeCond, g.weight("cond_proj", [variant.timeCondDim, 4], randomFloats(next, variant.timeCondDim * 4, 0.5))])]);
  }
  const scale = g.node("Add", [g.node("Sin", [g.node("Mul", [timestep, g.constFloat("f", [], [0.01])])]), g.constFloat("o", [], [1.5])]);
  const shift = g.node("Mul", [g.node("Unsqueeze", [condition, g.constInts("axes", [2, 3])]), g.node("Reshape", [scale, g.constInts("shape", [-1, 1, 1, 1])])]);
  g.output("out_sample", "float32", [batch, 4, "height", "width"], g.node("Add", [base, shift]));
  return g.toBytes();
}

/** A copy of an SD 1.5 fixture folder with its UNet replaced by a variant (and unet/config.json to match). */
export async function pipelineWithVariantUnet(sd15: string, variant: VariantUnet): Promise<string> {
  const folder = await copyFixture(sd15);
  await writeFile(path.join(folder, "unet/model.onnx"), buildVariantUnet(variant));
  const configFile = path.join(folder, "unet/config.json");
  const config = JSON.parse(await readFile(configFile, "utf8")) as Record<string, unknown>;
  await writeFile(configFile, JSON.stringify({ ...config, time_cond_proj_dim: variant.timeCondDim ?? null }));
  return folder;
}
