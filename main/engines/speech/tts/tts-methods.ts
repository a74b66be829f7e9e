import type { EngineMethod } from "../../protocol";

export interface TtsSynthesizeInput {
  modelId: string;
  /** The installed model's path: a Piper `.onnx`, or a folder with a Piper voice or a Kokoro export. */
  modelPath: string;
  /** Size on disk, for the memory budget before load. */
  sizeBytes: number;
  /** One sentence (or part of a long one). */
  text: string;
  speed: number;
  speaker?: string;
}

export interface TtsSynthesizeOutput {
  sampleRate: number;
  /** Mono samples in [-1, 1] as base64 little-endian float32 (frames are JSON). */
  samples: string;
  phonemes: string;
  /** The ids the model was fed (Piper: with ^ _ … $; Kokoro: padded with 0). */
  ids: number[];
}

/** The speech engine's text-to-speech methods (loaded voices answer the engine's cache methods). */
export type TtsMethods = {
  "tts.synthesize": EngineMethod<TtsSynthesizeInput, TtsSynthesizeOutput>;
};

export function encodeSamples(samples: Float32Array): string {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString("base64");
}

export function decodeSamples(base64: string): Float32Array {
  const bytes = Buffer.from(base64, "base64");
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength - (bytes.byteLength % 4)));
}
