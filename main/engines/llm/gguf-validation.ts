import { stat } from "node:fs/promises";
import path from "node:path";
import { readGgufFileInfo, type GgufFileInfo } from "node-llama-cpp";
import { AppError } from "../../../shared/errors";

const loadFailed = (modelPath: string, reason: string): AppError =>
  new AppError("MODEL_LOAD_FAILED", `The model file "${path.basename(modelPath)}" ${reason}`, { path: modelPath });

/**
 * Reads and sanity-checks a GGUF header before llama.cpp sees the file, so a missing,
 * truncated or corrupt file fails with a readable MODEL_LOAD_FAILED instead of a native
 * error. (The header reader pads a short file with zeros, so sizes are checked here.)
 */
export async function validateGgufFile(modelPath: string): Promise<GgufFileInfo> {
  const size = await stat(modelPath).then(
    (stats) => (stats.isFile() ? stats.size : -1),
    () => -1,
  );
  if (size < 0) throw loadFailed(modelPath, "does not exist or is not a file.");

  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(modelPath, { sourceType: "filesystem", logWarnings: false });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw loadFailed(modelPath, `is not a readable GGUF model (${detail}).`);
  }

  const tensors = info.fullTensorInfo ?? info.tensorInfo ?? [];
  // Offsets of split models' later parts are relative to their own files.
  const lastTensorStart = tensors.filter((tensor) => tensor.filePart === 1).reduce((max, tensor) => Math.max(max, Number(tensor.fileOffset)), 0);
  if ((info.infoEndOffset ?? Infinity) > size || lastTensorStart >= size) {
    throw loadFailed(modelPath, "is incomplete (it ends before its weights do): download or copy it again.");
  }
  if (tensors.length === 0 || tensors.some((tensor) => tensor.name === "" || tensor.dimensions.length === 0)) {
    throw loadFailed(modelPath, "is corrupt: its list of weights cannot be read.");
  }
  if (!info.metadata.general?.architecture) {
    throw loadFailed(modelPath, "is corrupt: its metadata names no model architecture.");
  }
  return info;
}
