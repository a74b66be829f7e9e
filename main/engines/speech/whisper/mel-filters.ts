const hzToSlaneyMel = (hz: number): number => (hz >= 1000 ? 15 + (Math.log(hz / 1000) * 27) / Math.log(6.4) : (3 * hz) / 200);
const slaneyMelToHz = (mel: number): number => (mel >= 15 ? 1000 * Math.exp((Math.log(6.4) / 27) * (mel - 15)) : (200 * mel) / 3);

function linspace(start: number, end: number, count: number): Float64Array {
  const step = (end - start) / (count - 1);
  return Float64Array.from({ length: count }, (_, i) => start + step * i);
}

/**
 * Whisper's mel filterbank (librosa's `filters.mel` with the Slaney scale and Slaney area
 * normalization, as transformers computes it), stored sparsely: each filter is non-zero only
 * on a short run of FFT bins, so applying the bank costs a few hundred products per frame
 * instead of mels × bins.
 */
export class MelFilterBank {
  /** First FFT bin of each filter's non-zero run. */
  private readonly starts: Int32Array;
  /** Offset of each filter's weights in `weights`; one extra entry closes the last run. */
  private readonly offsets: Int32Array;
  private readonly weights: Float64Array;

  constructor(
    readonly mels: number,
    readonly bins: number,
    sampleRate: number,
    minHz = 0,
    maxHz = sampleRate / 2,
  ) {
    const edges = linspace(hzToSlaneyMel(minHz), hzToSlaneyMel(maxHz), mels + 2).map(slaneyMelToHz);
    const binHz = linspace(0, Math.floor(sampleRate / 2), bins);
    const runs: { start: number; weights: number[] }[] = [];
    for (let m = 0; m < mels; m++) {
      const low = edges[m] ?? 0, center = edges[m + 1] ?? 0, high = edges[m + 2] ?? 0;
      const norm = 2 / (high - low);
      const row = Array.from(binHz, (hz) => Math.max(0, Math.min((hz - low) / (center - low), (high - hz) / (high - center))) * norm);
      const first = row.findIndex((w) => w > 0);
      const last = row.findLastIndex((w) => w > 0);
      runs.push(first < 0 ? { start: 0, weights: [] } : { start: first, weights: row.slice(first, last + 1) });
    }
    this.starts = Int32Array.from(runs, (run) => run.start);
    this.offsets = new Int32Array(mels + 1);
    runs.forEach((run, m) => (this.offsets[m + 1] = (this.offsets[m] ?? 0) + run.weights.length));
    this.weights = Float64Array.from(runs.flatMap((run) => run.weights));
  }

  /** Energy of filter `mel` over one frame's power spectrum. */
  apply(mel: number, power: Float64Array): number {
    const start = this.starts[mel] ?? 0;
    const from = this.offsets[mel] ?? 0, to = this.offsets[mel + 1] ?? 0;
    let sum = 0;
    for (let w = from, bin = start; w < to; w++, bin++) sum += (this.weights[w] ?? 0) * (power[bin] ?? 0);
    return sum;
  }
}
