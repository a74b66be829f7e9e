import { readFile } from "node:fs/promises";

/** Test support for the speech studio: real audio and models from ../shared/models. */

export { JFK_WAV, SILERO_ONNX } from "../engines/speech/stt-test-kit";

export async function fileDataUrl(file: string, mimeType: string): Promise<string> {
  return `data:${mimeType};base64,${(await readFile(file)).toString("base64")}`;
}
