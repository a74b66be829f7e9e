import { MelFilterBank } from "./mel-filters";
import { RealPowerSpectrum } from "./power-spectrum";

export interface LogMelShape {
  sampleRate: number;
  /** DFT size and frame length (Whisper: 400). */
  nFft: number;
  /** Samples between frames (Whisper: 160). */
  hop: number;
  /** Samples per window; shorter audio is zero-padded, longer cut (Whisper: 30 s = 480,000). */
  windowSamples: number;
  /** Mel bins (80, or 128 for large-v3). */
  mels: number;
}

const LOG_FLOOR = 1e-10;
const SILENT = Math.log10(LOG_FLOOR);

/**
 * Whisper's log-mel spectrogram: the window zero-padded or cut, reflect-padded by nFft/2 on
 * each side, periodic-Hann frames every `hop` samples, |DFT|² of each (the exact nFft-point
 * DFT), Slaney mel filters, log10 of max(energy, 1e-10), clamped to (max − 8), then
 * (x + 4) / 4. The STFT's last frame is dropped as Whisper does: windowSamples / hop frames.
 * Buffers are made once per instance; each call allocates only its output.
 */
export class LogMelSpectrogram {
  readonly frames: number;
  private readonly pad: number;
  private readonly window: Float64Array;
  private readonly spectrum: RealPowerSpectrum;
  private readonly filters: MelFilterBank;
  private readonly padded: Float64Array;
  private readonly frame: Float64Array;
  private readonly power: Float64Array;

  constructor(readonly shape: LogMelShape) {
    const { nFft, hop, windowSamples, mels, sampleRate } = shape;
    this.pad = Math.floor(nFft / 2);
    if (windowSamples <= this.pad) throw new RangeError(`A ${windowSamples}-sample window is too short for a ${nFft}-point STFT.`);
    this.frames = Math.floor(windowSamples / hop);
    this.window = Float64Array.from({ length: nFft }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / nFft));
    this.spectrum = new RealPowerSpectrum(nFft);
    this.filters = new MelFilterBank(mels, this.spectrum.bins, sampleRate);
    this.padded = new Float64Array(windowSamples + 2 * this.pad);
    this.frame = new Float64Array(nFft);
    this.power = new Float64Array(this.spectrum.bins);
  }

  /** [mels × frames] row-major, for `samples` at `sampleRate` (only the first window is used). */
  compute(samples: Float32Array): Float32Array {
    const { frames, window, frame, power, filters } = this;
    const { nFft, hop, mels } = this.shape;
    const lastSound = this.fillPadded(samples);
    const out = new Float32Array(mels * frames);
    let max = -Infinity;
    for (let t = 0; t < frames; t++) {
      const start = t * hop;
      if (start > lastSound) {
        // Every later frame holds only zeros: its energies are all below the floor.
        for (let m = 0; m < mels; m++) out[m * frames + t] = SILENT;
        max = Math.max(max, SILENT);
        continue;
      }
      for (let n = 0; n < nFft; n++) frame[n] = (this.padded[start + n] ?? 0) * (window[n] ?? 0);
      this.spectrum.compute(frame, power);
      for (let m = 0; m < mels; m++) {
        const value = Math.log10(Math.max(LOG_FLOOR, filters.apply(m, power)));
        out[m * frames + t] = value;
        if (value > max) max = value;
      }
    }
    const floor = max - 8;
    for (let i = 0; i < out.length; i++) out[i] = (Math.max(out[i] ?? 0, floor) + 4) / 4;
    return out;
  }

  /** Writes the reflect-padded window into `padded`; returns the index of its last non-zero sample (−1 if none). */
  private fillPadded(samples: Float32Array): number {
    const { padded, pad } = this;
    const length = this.shape.windowSamples;
    const audio = samples.subarray(0, length);
    padded.fill(0);
    padded.set(audio, pad);
    for (let i = 1; i <= pad; i++) {
      padded[pad - i] = padded[pad + i] ?? 0;
      padded[pad + length - 1 + i] = padded[pad + length - 1 - i] ?? 0;
    }
    let last = padded.length - 1;
    while (last >= 0 && padded[last] === 0) last--;
    return last;
  }
}
