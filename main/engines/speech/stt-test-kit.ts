import { writeFile } from "node:fs/promises";
import path from "node:path";
import { decodeToMono16k } from "../../audio/decode";
import { encodeWav } from "../../audio/wav";
import type { EngineHost } from "../engine-host";
import { startBuiltEngine, type memoryLogger } from "../testing/engine-test-support";
import type { SpeechMethods } from "./methods";

/** Test support for the speech engine: the real worker from the build, real audio, real models. */

export const JFK_WAV = path.resolve("../shared/models/audio/jfk.wav");
export const SILERO_ONNX = path.resolve("../shared/models/vad/silero_vad.onnx");
export const SILERO = { modelId: "silero-vad", file: SILERO_ONNX } as const;

export function startSpeechHost(): { host: EngineHost<SpeechMethods>; logger: ReturnType<typeof memoryLogger> } {
  return startBuiltEngine<SpeechMethods>("speech");
}

/** Writes a 16 kHz WAV made of jfk.wav copies and silences (seconds), in the order given. */
export async function writeJfkMontage(file: string, parts: readonly ("jfk" | number)[]): Promise<number> {
  const jfk = await decodeToMono16k(JFK_WAV);
  const pieces = parts.map((part) => (part === "jfk" ? jfk : new Float32Array(Math.round(part * 16_000))));
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const samples = new Float32Array(total);
  let offset = 0;
  for (const piece of pieces) {
    samples.set(piece, offset);
    offset += piece.length;
  }
  await writeFile(file, encodeWav(samples, 16_000));
  return total / 16_000;
}
