import path from "node:path";
import type { ModelFamily } from "../../shared/families";
import type { OnnxFileInfo, OnnxValueInfo } from "../engines/onnx/methods";

/** An ONNX file of the folder being imported, with its path relative to the folder. */
export interface OnnxLayoutFile {
  relativePath: string;
  info: Pick<OnnxFileInfo, "inputs" | "outputs">;
}

const hasInput = (file: OnnxLayoutFile, name: string): boolean => file.info.inputs.some((input) => input.name === name);

/** A UNet that denoises 5-D latents [B, 4, F, h, w]: an AnimateDiff-class motion model (OnnxStack / Amuse Locomotion layout). */
const isMotionUnet = (file: OnnxLayoutFile): boolean => file.info.inputs.find((input) => input.name === "sample")?.shape.length === 5;

/** NCHW with three colour channels: [1, 3, H, W]. */
const isImageTensor = (value: OnnxValueInfo | undefined): boolean => value?.shape.length === 4 && value.shape[1] === 3;

/**
 * What kind of model an ONNX folder holds, from its layout and graph signatures, the
 * way the real exports are laid out: diffusers/Optimum (`model_index.json`) → image,
 * Whisper encoder + decoder → stt, Piper (`x.onnx` + `x.onnx.json`) or Kokoro (`style`
 * input) → tts, Silero (`state` or `h`/`c` inputs) → vad, RIFE (`img0`, `img1`) → video,
 * a lone image-to-image graph → upscale, a UNet with 5-D latents (AnimateDiff-class, any layout) → video.
 * Undefined when it cannot tell.
 */
export function guessOnnxFamily(allFiles: readonly string[], onnx: readonly OnnxLayoutFile[]): ModelFamily | undefined {
  const names = new Set(allFiles.map((file) => file.toLowerCase()));
  const bases = onnx.map((file) => path.posix.basename(file.relativePath).toLowerCase());
  if (onnx.some(isMotionUnet)) return "video";
  if (names.has("model_index.json")) return "image";
  if (bases.some((base) => base.startsWith("encoder_model")) && bases.some((base) => base.startsWith("decoder_model"))) return "stt";
  if (onnx.some((file) => names.has(`${file.relativePath.toLowerCase()}.json`))) return "tts";
  if (onnx.some((file) => hasInput(file, "style") && (hasInput(file, "input_ids") || hasInput(file, "tokens")))) return "tts";
  if (onnx.some((file) => hasInput(file, "state") || (hasInput(file, "h") && hasInput(file, "c")))) return "vad";
  if (onnx.length !== 1) return undefined;
  const only = onnx[0];
  if (!only) return undefined;
  if (hasInput(only, "img0") && hasInput(only, "img1")) return "video";
  if (only.info.inputs.length === 1 && isImageTensor(only.info.inputs[0]) && isImageTensor(only.info.outputs[0])) return "upscale";
  return undefined;
}
