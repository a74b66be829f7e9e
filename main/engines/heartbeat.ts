export interface HeartbeatOptions {
  /** How often the worker is pinged. */
  intervalMs: number;
  /** Silence longer than this (no frame of any kind) means the worker's event loop is not running. */
  timeoutMs: number;
  ping(seq: number): void;
  onSilent(silentMs: number): void;
}

/**
 * Pings a worker at an interval and reports when nothing at all came back for longer than the
 * timeout. Any frame counts as a sign of life, since every frame is sent from the worker's event
 * loop. A timer that fires late means this process was the one stalled (the worker's answers may
 * be waiting unread), so the silence is then counted afresh rather than blamed on the worker.
 */
export class Heartbeat {
  private lastHeardAt = performance.now();
  private lastTickAt = performance.now();
  private lastSeq = 0;
  private lastAnsweredSeq = 0;
  private ticker: NodeJS.Timeout | undefined;
  private readonly probes = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: HeartbeatOptions) {}

  start(): void {
    if (this.stopped || this.ticker) return;
    this.lastHeardAt = this.lastTickAt = performance.now();
    this.ticker = setInterval(() => this.tick(), this.options.intervalMs);
    this.ticker.unref();
  }

  /** The worker sent something. */
  heard(): void {
    this.lastHeardAt = performance.now();
  }

  /** The worker answered ping `seq`. */
  answered(seq: number): void {
    this.lastAnsweredSeq = Math.max(this.lastAnsweredSeq, seq);
  }

  /**
   * Asks for an answer to a new ping within `ms`, sooner than the regular timeout (e.g. after a
   * cancel). Only that answer counts: frames already on their way when it was sent prove nothing.
   */
  expectWithin(ms: number): void {
    if (this.stopped) return;
    const askedAt = performance.now();
    const seq = this.sendPing();
    const probe = setTimeout(() => {
      this.probes.delete(probe);
      if (this.stopped || this.lastAnsweredSeq >= seq) return;
      const late = performance.now() - askedAt - ms;
      if (late > Math.min(ms, this.options.intervalMs)) this.expectWithin(ms);
      else this.fallSilent(performance.now() - askedAt);
    }, ms);
    probe.unref();
    this.probes.add(probe);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.ticker);
    for (const probe of this.probes) clearTimeout(probe);
    this.probes.clear();
  }

  private tick(): void {
    const now = performance.now();
    const late = now - this.lastTickAt - this.options.intervalMs;
    this.lastTickAt = now;
    if (late > this.options.intervalMs) this.lastHeardAt = now;
    if (now - this.lastHeardAt > this.options.timeoutMs) this.fallSilent(now - this.lastHeardAt);
    else this.sendPing();
  }

  private sendPing(): number {
    this.options.ping(++this.lastSeq);
    return this.lastSeq;
  }

  private fallSilent(silentMs: number): void {
    this.stop();
    this.options.onSilent(silentMs);
  }
}
