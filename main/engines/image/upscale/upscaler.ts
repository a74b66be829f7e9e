import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../../../shared/errors";
import type { OrtProvider } from "../providers";
import { fixedDim, OnnxSession, RunClock } from "../sessions";
import { floatTensor, readFloats, type FloatType } from "../tensors";

/** A Real-ESRGAN-style model: one image in `[1, 3, H, W]` floats in [0, 1], the same image `scale` times larger out. */
export interface LoadedUpscaler {
  kind: "upscaler";
  modelId: string;
  file: string;
  provider: OrtProvider;
  session: OnnxSession;
  inputName: string;
  outputName: string;
  floatType: FloatType;
  /** The model takes only this window size (static exports): tiles are cut to it. */
  fixed?: { width?: number; height?: number };
  clock: RunClock;
}

/** The .onnx to load: the path itself, or the only .onnx file in the folder it names. */
export async function resolveUpscalerFile(modelPath: string): Promise<string> {
  const info = await stat(modelPath).catch(() => undefined);
  if (!info) throw new AppError("MODEL_INCOMPATIBLE", `The upscaler file ${modelPath} is missing.`);
  if (info.isFile()) return modelPath;
  const models = (await readdir(modelPath)).filter((name) => name.toLowerCase().endsWith(".onnx"));
  const only = models.length === 1 ? models[0] : models.find((name) => name === "model.onnx");
  if (!only) {
    throw new AppError("MODEL_INCOMPATIBLE", `The upscaler folder must hold one .onnx model (found ${models.length ? models.join(", ") : "none"}).`);
  }
  return path.join(modelPath, only);
}

export async function loadUpscaler(modelId: string, modelPath: string, provider: OrtProvider): Promise<LoadedUpscaler> {
  const file = await resolveUpscalerFile(modelPath);
  const clock = new RunClock();
  const session = await OnnxSession.open(file, provider, `the upscaler “${modelId}”`, clock);
  try {
    const inputs = [...session.inputs.values()];
    const outputs = [...session.outputs.values()];
    const input = inputs[0];
    const output = outputs[0];
    if (inputs.length !== 1 || !input || !output) throw session.incompatible(`has ${inputs.length} inputs and ${outputs.length} outputs; one image in and one out were expected`);
    for (const info of [input, output]) {
      if (info.type !== "float32" && info.type !== "float16") throw session.incompatible(`has ${info.name} as ${info.type}; float was expected`);
      if (info.shape.length !== 4 || (fixedDim(info, 1) ?? 3) !== 3) {
        throw session.incompatible(`has ${info.name} shaped [${info.shape.join(", ")}]; [1, 3, height, width] was expected`);
      }
    }
    const height = fixedDim(input, 2);
    const width = fixedDim(input, 3);
    return {
      kind: "upscaler",
      modelId,
      file,
      provider,
      session,
      inputName: input.name,
      outputName: output.name,
      floatType: input.type === "float16" ? "float16" : "float32",
      ...(height || width ? { fixed: { ...(width ? { width } : {}), ...(height ? { height } : {}) } } : {}),
      clock,
    };
  } catch (error) {
    await session.release();
    throw error;
  }
}

/** Runs one window [3, h, w] and returns its output [3, sh, sw] with the scale it implies. */
export async function runWindow(upscaler: LoadedUpscaler, planar: Float32Array, width: number, height: number): Promise<{ pixels: Float32Array; scale: number }> {
  const { session } = upscaler;
  const result = await session.run({ [upscaler.inputName]: floatTensor(upscaler.floatType, planar, [1, 3, height, width]) }, [upscaler.outputName]);
  const output = result[upscaler.outputName];
  const dims = output?.dims ?? [];
  const scale = (dims[2] ?? 0) / height;
  if (!output || dims.length !== 4 || dims[1] !== 3 || !Number.isInteger(scale) || scale < 1 || (dims[3] ?? 0) !== width * scale) {
    throw session.incompatible(`turned a ${width}×${height} tile into [${dims.join(", ")}]; a whole-number larger RGB image was expected`);
  }
  return { pixels: readFloats(output, upscaler.outputName), scale };
}
