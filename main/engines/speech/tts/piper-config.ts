import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";
import type { PhonemeIdMap } from "./piper-ids";

/** The parts of a Piper voice's `.onnx.json` that synthesis needs (piper_train's export format). */
const piperJsonSchema = z.object({
  audio: z.object({ sample_rate: z.number().int().min(1000).max(192_000) }),
  espeak: z.object({ voice: z.string().min(1).max(100) }).optional(),
  phoneme_type: z.string().max(50).optional(),
  phoneme_id_map: z.record(z.string(), z.array(z.number().int().nonnegative())),
  num_speakers: z.number().int().positive().optional(),
  speaker_id_map: z.record(z.string(), z.number().int().nonnegative()).optional(),
  inference: z
    .object({ noise_scale: z.number().optional(), length_scale: z.number().positive().optional(), noise_w: z.number().optional() })
    .optional(),
  language: z.object({ code: z.string().max(50).optional() }).optional(),
  dataset: z.string().max(200).optional(),
});

export interface PiperVoiceConfig {
  sampleRate: number;
  /** The espeak-ng voice the phonemes come from ("en-us"). */
  espeakVoice: string;
  /** "espeak" (IPA from espeak-ng) or "text" (the letters themselves). */
  phonemeType: "espeak" | "text";
  phonemeIdMap: PhonemeIdMap;
  numSpeakers: number;
  /** Speaker name → sid, in id order. */
  speakers: readonly string[];
  speakerIds: Readonly<Record<string, number>>;
  noiseScale: number;
  lengthScale: number;
  noiseW: number;
  /** BCP 47-ish language, e.g. "en-US". */
  language: string;
  dataset: string | undefined;
}

/** Parses a Piper `.onnx.json`; a file that is not one fails with MODEL_INCOMPATIBLE. */
export function parsePiperConfig(json: unknown, file: string): PiperVoiceConfig {
  const parsed = piperJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".")}: ${issue.message}` : "unreadable";
    throw new AppError("MODEL_INCOMPATIBLE", `${path.basename(file)} is not a Piper voice config (${where}).`);
  }
  const data = parsed.data;
  const speakerIds = data.speaker_id_map ?? {};
  const espeakVoice = data.espeak?.voice ?? "en-us";
  return {
    sampleRate: data.audio.sample_rate,
    espeakVoice,
    phonemeType: data.phoneme_type === "text" ? "text" : "espeak",
    phonemeIdMap: data.phoneme_id_map,
    numSpeakers: data.num_speakers ?? 1,
    speakers: Object.entries(speakerIds)
      .sort((a, b) => a[1] - b[1])
      .map(([name]) => name),
    speakerIds,
    noiseScale: data.inference?.noise_scale ?? 0.667,
    lengthScale: data.inference?.length_scale ?? 1,
    noiseW: data.inference?.noise_w ?? 0.8,
    language: (data.language?.code ?? espeakVoice).replace("_", "-"),
    dataset: data.dataset,
  };
}

export async function readPiperConfig(file: string): Promise<PiperVoiceConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new AppError("MODEL_INCOMPATIBLE", `${path.basename(file)} could not be read as JSON: ${String(error)}`);
  }
  return parsePiperConfig(json, file);
}
