import path from "node:path";
import { InferenceSession, type Tensor } from "onnxruntime-node";
import { AppError } from "../../../../shared/errors";

/** Opens a voice model on the CPU (TTS models are small; the GPU would not pay for its start-up). */
export async function openVoiceSession(file: string): Promise<InferenceSession> {
  try {
    return await InferenceSession.create(file, { executionProviders: ["cpu"], graphOptimizationLevel: "all" });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    throw new AppError("MODEL_LOAD_FAILED", `${path.basename(file)} could not be opened: ${reason}`);
  }
}

/** The declared element type of an input, or undefined when the model has no such input. */
export function inputType(session: InferenceSession, name: string): string | undefined {
  const meta = session.inputMetadata.find((value) => value.name === name);
  return meta?.isTensor ? meta.type : undefined;
}

/** The first input the model has among `names` (exports differ in naming). */
export function pickInput(session: InferenceSession, names: readonly string[], what: string): string {
  const found = names.find((name) => session.inputNames.includes(name));
  if (!found) {
    throw new AppError("MODEL_INCOMPATIBLE", `The voice model has no ${what} input (expected ${names.join(" or ")}; it has ${session.inputNames.join(", ")}).`);
  }
  return found;
}

/** A float32 output of any rank, as one flat array of samples. */
export function samplesOf(output: Tensor | undefined, name: string): Float32Array {
  if (!output || output.type !== "float32" || !(output.data instanceof Float32Array)) {
    throw new AppError("MODEL_INCOMPATIBLE", `The voice model's output "${name}" is not float32 audio.`);
  }
  return output.data;
}

export function cancelledIf(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError("CANCELLED", "Cancelled.");
}
