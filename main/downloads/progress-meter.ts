const WINDOW_MS = 3000;

/** Speed over the last few seconds (steadier than per chunk, quicker than since the start) and the ETA from it. */
export class ProgressMeter {
  private readonly samples: { at: number; bytes: number }[] = [];
  private total = 0;

  add(bytes: number, now = Date.now()): void {
    this.total += bytes;
    const last = this.samples.at(-1);
    // One sample per 100 ms is plenty and keeps the window small at gigabytes per second.
    if (last && now - last.at < 100) last.bytes = this.total;
    else this.samples.push({ at: now, bytes: this.total });
    while (this.samples.length > 2 && (this.samples[0]?.at ?? now) < now - WINDOW_MS) this.samples.shift();
  }

  bytesPerSecond(now = Date.now()): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last === first) return 0;
    // A connection that went quiet shows as slowing down, not frozen at its last speed.
    const span = Math.max(now, last.at) - first.at;
    return span > 0 ? ((last.bytes - first.bytes) * 1000) / span : 0;
  }

  etaSeconds(remaining: number, now = Date.now()): number | null {
    if (remaining <= 0) return 0;
    const speed = this.bytesPerSecond(now);
    return speed > 0 ? Math.ceil(remaining / speed) : null;
  }

  reset(): void {
    this.samples.length = 0;
    this.total = 0;
  }
}
