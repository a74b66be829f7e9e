import { readFile } from "node:fs/promises";
import path from "node:path";
import { WhisperFeatureExtractor } from "@huggingface/transformers";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";

const preprocessorSchema = z
  .object({
    feature_size: z.number().int().positive(),
    sampling_rate: z.literal(16_000),
    hop_length: z.number().int().positive(),
    n_fft: z.number().int().positive(),
    chunk_length: z.number().int().positive(),
    n_samples: z.number().int().positive(),
    nb_max_frames: z.number().int().positive(),
  })
  .passthrough();

/**
 * Whisper's log-mel spectrogram through transformers.js's WhisperFeatureExtractor (80 or
 * 128 Slaney mel bins, 400-point FFT, hop 160, log10 clamped to max - 8, (x + 4) / 4),
 * configured from the model's preprocessor_config.json. Only the extractor is used:
 * transformers.js loads no model here.
 */
export class LogMelFeatures {
  private constructor(
    private readonly extractor: WhisperFeatureExtractor,
    /** Samples per window (480,000 = 30 s). */
    readonly windowSamples: number,
    readonly melBins: number,
    readonly frames: number,
  ) {}

  static async load(dir: string): Promise<LogMelFeatures> {
    const file = path.join(dir, "preprocessor_config.json");
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8")) as unknown;
    } catch (error) {
      throw new AppError("MODEL_INCOMPATIBLE", `This Whisper model's preprocessor_config.json could not be read (${String(error)}).`);
    }
    const parsed = preprocessorSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError("MODEL_INCOMPATIBLE", `This Whisper model's preprocessor_config.json is not a 16 kHz Whisper feature extractor.`);
    }
    const config = parsed.data;
    return new LogMelFeatures(new WhisperFeatureExtractor(config), config.n_samples, config.feature_size, config.nb_max_frames);
  }

  /** [melBins × frames] row-major, for up to one window of 16 kHz audio (zero-padded). */
  async extract(samples: Float32Array): Promise<Float32Array> {
    const window = samples.length > this.windowSamples ? samples.subarray(0, this.windowSamples) : samples;
    const { input_features: features } = await this.extractor._call(window);
    const expected = this.melBins * this.frames;
    if (!(features.data instanceof Float32Array) || features.data.length !== expected) {
      throw new AppError("INTERNAL", `Feature extraction produced ${features.dims.join("×")} values instead of ${this.melBins}×${this.frames}.`);
    }
    return features.data;
  }
}
