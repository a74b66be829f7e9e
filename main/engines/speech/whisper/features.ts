import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../../../../shared/errors";
import { LogMelSpectrogram } from "./log-mel";

const preprocessorSchema = z
  .object({
    feature_size: z.number().int().positive(),
    sampling_rate: z.literal(16_000),
    hop_length: z.number().int().positive(),
    n_fft: z
      .number()
      .int()
      .positive()
      .refine((n) => n % 2 === 0),
    chunk_length: z.number().int().positive(),
    n_samples: z.number().int().positive().optional(),
    nb_max_frames: z.number().int().positive().optional(),
  })
  .passthrough();

/**
 * Whisper's log-mel features for one 30-second window, shaped by the model's
 * preprocessor_config.json (feature_size mel bins, n_fft, hop_length, chunk_length ×
 * sampling_rate samples). Computed by LogMelSpectrogram; equal to transformers'
 * WhisperFeatureExtractor (checked against it in the tests).
 */
export class LogMelFeatures {
  private constructor(private readonly spectrogram: LogMelSpectrogram) {}

  /** Samples per window (480,000 = 30 s). */
  get windowSamples(): number {
    return this.spectrogram.shape.windowSamples;
  }

  get melBins(): number {
    return this.spectrogram.shape.mels;
  }

  get frames(): number {
    return this.spectrogram.frames;
  }

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
    const windowSamples = config.chunk_length * config.sampling_rate;
    const frames = Math.floor(windowSamples / config.hop_length);
    if ((config.n_samples ?? windowSamples) !== windowSamples || (config.nb_max_frames ?? frames) !== frames || config.n_fft >= windowSamples) {
      throw new AppError("MODEL_INCOMPATIBLE", `This Whisper model's preprocessor_config.json has inconsistent window sizes.`);
    }
    const shape = { sampleRate: config.sampling_rate, nFft: config.n_fft, hop: config.hop_length, windowSamples, mels: config.feature_size };
    return new LogMelFeatures(new LogMelSpectrogram(shape));
  }

  /** [melBins × frames] row-major, for up to one window of 16 kHz audio (zero-padded; longer audio is cut). */
  extract(samples: Float32Array): Float32Array {
    return this.spectrogram.compute(samples);
  }
}
