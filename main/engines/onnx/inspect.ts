import { stat } from "node:fs/promises";
import path from "node:path";
import { InferenceSession } from "onnxruntime-node";
import { AppError } from "../../../shared/errors";
import type { OnnxFileInfo, OnnxValueInfo } from "./methods";

type ValueMetadata = InferenceSession.ValueMetadata;

function describe(value: ValueMetadata): OnnxValueInfo {
  if (!value.isTensor) return { name: value.name, type: "non-tensor", shape: [] };
  return { name: value.name, type: value.type, shape: [...value.shape] };
}

const unusable = (file: string, reason: string): AppError =>
  new AppError("MODEL_LOAD_FAILED", `"${path.basename(file)}" is not a usable ONNX model: ${reason}`, { path: file });

/**
 * Opens one ONNX file the way the engines will (onnxruntime, CPU provider) and returns
 * its declared inputs and outputs. Graph optimizations are off: only the signature is
 * needed, and optimizing a large UNet would take longer than reading it.
 */
export async function inspectOnnxFile(file: string): Promise<OnnxFileInfo> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw unusable(file, "the file does not exist.");
  if (info.size === 0) throw unusable(file, "the file is empty.");
  let session: InferenceSession;
  try {
    session = await InferenceSession.create(file, { executionProviders: ["cpu"], graphOptimizationLevel: "disabled" });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]?.trim() ?? "";
    throw unusable(file, `${reason || "onnxruntime could not open it"}.`);
  }
  try {
    return { path: file, inputs: session.inputMetadata.map(describe), outputs: session.outputMetadata.map(describe) };
  } finally {
    await session.release();
  }
}
