import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { decodeToMono16k } from "../../audio/decode";
import { encodeWav } from "../../audio/wav";
import { EngineHost } from "../engine-host";
import { createNodeLauncher } from "../node-launcher";
import { BUILT_WORKER_DIR, memoryLogger } from "../testing/engine-test-support";
import type { SpeechMethods } from "./methods";

/** Test support for the speech engine: the real worker from the build, real audio, real models. */

export const JFK_WAV = path.resolve("../shared/models/audio/jfk.wav");
export const SILERO_ONNX = path.resolve("../shared/models/vad/silero_vad.onnx");
export const SILERO = { modelId: "silero-vad", file: SILERO_ONNX } as const;

export function startSpeechHost(): { host: EngineHost<SpeechMethods>; logger: ReturnType<typeof memoryLogger> } {
  if (!existsSync(path.join(BUILT_WORKER_DIR, "engine-speech.js"))) {
    throw new Error(`${BUILT_WORKER_DIR}/engine-speech.js is missing: run \`npx electron-vite build\` first.`);
  }
  const logger = memoryLogger();
  const host = new EngineHost<SpeechMethods>({ engine: "speech", launcher: createNodeLauncher(BUILT_WORKER_DIR, logger), logger });
  return { host, logger };
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
