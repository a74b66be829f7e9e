import { stat } from "node:fs/promises";
import { readGgufFileInfo } from "node-llama-cpp";
import { AppError } from "../../shared/errors";
import { validateGgufFile } from "../engines/llm/gguf-validation";
import { resolveInside } from "../fs/inside";
import { isGguf } from "../hub/quantization";
import { checkOnnxModelHeader } from "./onnx-model-header";

const incompatible = (file: string, reason: string): AppError =>
  new AppError("MODEL_INCOMPATIBLE", `The downloaded file "${file}" ${reason} Nothing was installed.`, { file });

/** Why a reader refused a file, as a clause: it may quote binary bytes ("got \"\x8biU\"") and end in full stops. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[^\x20-\x7e]/g, "?").replace(/\.\)/g, ")").replace(/\.$/, "");
}

/**
 * Refuses files that are not the model they are named as, before a download is installed
 * (checksums only prove the bytes are the hub's, not that they are a model): the GGUF file the
 * model loads must pass the checks loading it makes (every part of a split model included),
 * every other GGUF file must have a readable header, and every `.onnx` file must be an ONNX
 * model. Throws MODEL_INCOMPATIBLE naming the file and why.
 */
export async function checkModelFiles(dir: string, files: readonly string[], ggufEntry: string | undefined): Promise<void> {
  // The entry last: reading it reads a split model's other parts, and a bad part is named best by its own check.
  const ordered = [...files.filter((file) => file !== ggufEntry), ...files.filter((file) => file === ggufEntry)];
  for (const file of ordered) {
    const full = resolveInside(dir, file);
    if (file === ggufEntry) await checkGgufModel(file, full);
    else if (isGguf(file)) await checkGgufHeader(file, full);
    else if (file.toLowerCase().endsWith(".onnx")) {
      await checkOnnxModelHeader(full).catch((error: unknown) => {
        throw incompatible(file, `is not an ONNX model (${reasonOf(error)}).`);
      });
    }
  }
}

async function checkGgufModel(file: string, full: string): Promise<void> {
  try {
    await validateGgufFile(full);
  } catch (error) {
    // validateGgufFile's message starts with the file's name: keep only why.
    const reason = reasonOf(error).replace(/^The model file ".*?" /, "");
    throw incompatible(file, `${reason}.`);
  }
}

/** Projectors and later parts of split models: a header that parses and ends inside the file. */
async function checkGgufHeader(file: string, full: string): Promise<void> {
  let info;
  try {
    info = await readGgufFileInfo(full, { sourceType: "filesystem", logWarnings: false, spliceSplitFiles: false });
  } catch (error) {
    throw incompatible(file, `is not a readable GGUF file (${reasonOf(error)}).`);
  }
  if ((info.infoEndOffset ?? Infinity) > (await stat(full)).size) throw incompatible(file, "is cut off before its header ends.");
}
