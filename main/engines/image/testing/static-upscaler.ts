import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { OnnxGraph } from "../../../../scripts/fixtures/onnx/onnx-graph";
import { createPrng, randomFloats } from "../../../../scripts/fixtures/prng";

/**
 * A 1×1-conv + pixel-shuffle upscaler like the generated fixture, with input dims either
 * dynamic or fixed to `window` (as some Real-ESRGAN exports are): same weights for a given seed.
 */
export function buildTestUpscaler(scale: number, seed: number, window?: number): Uint8Array {
  const next = createPrng(seed);
  const g = new OnnxGraph("test_upscaler");
  const side = window ?? "side";
  const input = g.input("image", "float32", [1, 3, window ?? "height", window ?? "width"]);
  const out = 3 * scale * scale;
  const features = g.node("Conv", [
    input,
    g.weight("conv.weight", [out, 3, 1, 1], randomFloats(next, out * 3, 0.6)),
    g.weight("conv.bias", [out], randomFloats(next, out, 0.2)),
  ]);
  const outSide = typeof side === "number" ? side * scale : "out";
  g.output("upscaled_image", "float32", [1, 3, outSide, outSide], g.node("DepthToSpace", [features], { blocksize: scale, mode: "CRD" }));
  return g.toBytes();
}

export async function writeTestUpscalers(scale: number, window: number): Promise<{ dynamic: string; fixed: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "atelier-upscaler-"));
  const dynamic = path.join(dir, "dynamic.onnx");
  const fixed = path.join(dir, "fixed.onnx");
  await writeFile(dynamic, buildTestUpscaler(scale, 77));
  await writeFile(fixed, buildTestUpscaler(scale, 77, window));
  return { dynamic, fixed };
}
