import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Tensor } from "onnxruntime-node";
import { AppError } from "../../../../shared/errors";
import type { OrtProvider } from "../../image/providers";
import { fixedDim, OnnxSession, RunClock, type TensorInfo } from "../../image/sessions";
import { floatTensor, readFloats, type FloatType } from "../../image/tensors";

/** RIFE's flow pyramid halves the frame five times: the frames go in padded to this multiple. */
export const RIFE_PAD_MULTIPLE = 32;

/**
 * A RIFE interpolator (Practical-RIFE exported as in yuvraj108c/rife-onnx): `img0`, `img1`
 * [1,3,H,W] floats in 0..1 and `timestep` → one [1,3,H,W] frame at that time between them.
 */
export interface LoadedRife {
  kind: "rife";
  modelId: string;
  file: string;
  provider: OrtProvider;
  session: OnnxSession;
  frameType: FloatType;
  timestepType: FloatType;
  /** [1] (the rife-onnx export), [] or a [1,1,H,W] map (exports that take a per-pixel time). */
  timestepRank: 0 | 1 | 4;
  outputName: string;
  clock: RunClock;
}

function floatTypeOf(session: OnnxSession, info: TensorInfo): FloatType {
  if (info.type === "float32" || info.type === "float16") return info.type;
  throw session.incompatible(`has ${info.name} as ${info.type}; float was expected`);
}

function requireFrame(session: OnnxSession, info: TensorInfo): void {
  if (info.shape.length !== 4 || (fixedDim(info, 1) ?? 3) !== 3) {
    throw session.incompatible(`has ${info.name} shaped [${info.shape.join(", ")}]; [1, 3, height, width] was expected`);
  }
}

function describeRife(modelId: string, file: string, provider: OrtProvider, session: OnnxSession, clock: RunClock): LoadedRife {
  const img0 = session.requireInput("img0");
  const img1 = session.requireInput("img1");
  const timestep = session.requireInput("timestep");
  const outputs = [...session.outputs.values()];
  const output = outputs[0];
  if (outputs.length !== 1 || !output) throw session.incompatible(`has ${outputs.length} outputs; one frame was expected`);
  for (const info of [img0, img1, output]) requireFrame(session, info);
  const frameType = floatTypeOf(session, img0);
  if (floatTypeOf(session, img1) !== frameType) throw session.incompatible("takes img0 and img1 in different float types");
  const timestepRank = timestep.shape.length;
  if (timestepRank !== 0 && timestepRank !== 1 && timestepRank !== 4) {
    throw session.incompatible(`has timestep shaped [${timestep.shape.join(", ")}]; [1] or [1, 1, height, width] was expected`);
  }
  return { kind: "rife", modelId, file, provider, session, frameType, timestepType: floatTypeOf(session, timestep), timestepRank, outputName: output.name, clock };
}

/** The .onnx to load: the path itself, or the only .onnx file in the folder it names (an installed model). */
export async function resolveRifeFile(modelPath: string): Promise<string> {
  const info = await stat(modelPath).catch(() => undefined);
  if (!info) throw new AppError("MODEL_NOT_INSTALLED", `The interpolation model at ${modelPath} is missing.`);
  if (info.isFile()) return modelPath;
  const models = (await readdir(modelPath)).filter((name) => name.toLowerCase().endsWith(".onnx"));
  const only = models[0];
  if (models.length !== 1 || !only) {
    throw new AppError("MODEL_INCOMPATIBLE", `The interpolation model's folder must hold one .onnx file (found ${models.length ? models.join(", ") : "none"}).`);
  }
  return path.join(modelPath, only);
}

/** Opens a RIFE model (a .onnx file, or a folder holding one) and checks its inputs and output. */
export async function loadRife(modelId: string, modelPath: string, provider: OrtProvider): Promise<LoadedRife> {
  const file = await resolveRifeFile(modelPath);
  const clock = new RunClock();
  const session = await OnnxSession.open(file, provider, `the interpolator “${modelId}”`, clock);
  try {
    return describeRife(modelId, file, provider, session, clock);
  } catch (error) {
    await session.release();
    throw error;
  }
}

function timestepTensor(rife: LoadedRife, time: number, width: number, height: number): Tensor {
  if (rife.timestepRank === 4) return floatTensor(rife.timestepType, new Float32Array(width * height).fill(time), [1, 1, height, width]);
  return floatTensor(rife.timestepType, Float32Array.of(time), rife.timestepRank === 1 ? [1] : []);
}

/** One RIFE call on two padded planar frames [3, height, width]; returns the frame at `time`, same layout. */
export async function runRife(rife: LoadedRife, img0: Float32Array, img1: Float32Array, time: number, width: number, height: number): Promise<Float32Array> {
  const dims = [1, 3, height, width];
  const feeds = {
    img0: floatTensor(rife.frameType, img0, dims),
    img1: floatTensor(rife.frameType, img1, dims),
    timestep: timestepTensor(rife, time, width, height),
  };
  const result = await rife.session.run(feeds, [rife.outputName]);
  const output = result[rife.outputName];
  const got = output?.dims ?? [];
  if (!output || got.length !== 4 || got[1] !== 3 || got[2] !== height || got[3] !== width) {
    throw rife.session.incompatible(`turned two ${width}×${height} frames into [${got.join(", ")}]; one frame of the same size was expected`);
  }
  return readFloats(output, rife.outputName);
}
