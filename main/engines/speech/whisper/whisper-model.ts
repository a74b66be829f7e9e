import { AppError } from "../../../../shared/errors";
import { LogMelFeatures } from "./features";
import { findWhisperFiles } from "./model-files";
import { WhisperTokenizer } from "./tokenizer";
import { loadWhisperSpec, type WhisperSpec } from "./whisper-config";
import { WhisperSessions } from "./whisper-sessions";

/** Everything one Whisper model needs at run time, loaded from its folder. */
export interface WhisperModel {
  spec: WhisperSpec;
  tokenizer: WhisperTokenizer;
  features: LogMelFeatures;
  sessions: WhisperSessions;
}

/** Bytes of the ONNX files a folder would load (for the cache budget before loading). */
export async function whisperModelBytes(dir: string): Promise<number> {
  return (await findWhisperFiles(dir)).bytes;
}

/** Reads the configs and tokenizer, then opens the sessions; configs fail fast before any large file loads. */
export async function loadWhisperModel(dir: string): Promise<WhisperModel> {
  const files = await findWhisperFiles(dir);
  const tokenizer = await WhisperTokenizer.load(dir);
  const spec = await loadWhisperSpec(dir, tokenizer);
  const features = await LogMelFeatures.load(dir);
  if (features.melBins !== spec.melBins) {
    throw new AppError("MODEL_INCOMPATIBLE", `preprocessor_config.json has ${features.melBins} mel bins but config.json ${spec.melBins}.`);
  }
  const sessions = await WhisperSessions.load(files, spec);
  return { spec, tokenizer, features, sessions };
}
