import { stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../../../shared/errors";

/** The ONNX files of one Whisper export: a merged decoder, or the first-step + with-past pair. */
export interface WhisperFiles {
  encoder: string;
  decoder: { kind: "merged"; file: string } | { kind: "split"; first: string; withPast: string };
  /** Bytes of the chosen files, for the memory budget. */
  bytes: number;
}

/**
 * Precisions we load, best first. fp16 exports take float16 inputs and are left out:
 * the feature and cache code is float32.
 */
const SUFFIXES = ["", "_quantized", "_int8", "_uint8", "_q8", "_q4", "_bnb4"];

async function sizeOf(file: string): Promise<number | undefined> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  // Weights over 2 GB live next to the graph as external data.
  const external = await stat(`${file}_data`).catch(() => undefined);
  return info.size + (external?.isFile() ? external.size : 0);
}

/** Finds the encoder and decoder in `<dir>/onnx/` (Hugging Face layout) or `<dir>/`. */
export async function findWhisperFiles(dir: string): Promise<WhisperFiles> {
  for (const folder of [path.join(dir, "onnx"), dir]) {
    for (const suffix of SUFFIXES) {
      const file = (name: string): string => path.join(folder, `${name}${suffix}.onnx`);
      const encoderBytes = await sizeOf(file("encoder_model"));
      if (encoderBytes === undefined) continue;
      const mergedBytes = await sizeOf(file("decoder_model_merged"));
      if (mergedBytes !== undefined) {
        return { encoder: file("encoder_model"), decoder: { kind: "merged", file: file("decoder_model_merged") }, bytes: encoderBytes + mergedBytes };
      }
      const firstBytes = await sizeOf(file("decoder_model"));
      const withPastBytes = await sizeOf(file("decoder_with_past_model"));
      if (firstBytes !== undefined && withPastBytes !== undefined) {
        return {
          encoder: file("encoder_model"),
          decoder: { kind: "split", first: file("decoder_model"), withPast: file("decoder_with_past_model") },
          bytes: encoderBytes + firstBytes + withPastBytes,
        };
      }
    }
  }
  throw new AppError(
    "MODEL_INCOMPATIBLE",
    "This folder is not a Whisper ONNX export: it needs onnx/encoder_model.onnx with onnx/decoder_model_merged.onnx " +
      "(or decoder_model.onnx + decoder_with_past_model.onnx), in fp32 or a quantized variant.",
  );
}
