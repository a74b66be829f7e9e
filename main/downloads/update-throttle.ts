/**
 * Limits progress updates per download to one per interval, always delivering the latest:
 * a pending update goes out when the interval ends, and `now` sends at once (state changes).
 */
export class UpdateThrottle {
  private readonly lastSent = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly send: (id: string) => void,
  ) {}

  progress(id: string): void {
    if (this.timers.has(id)) return;
    const wait = (this.lastSent.get(id) ?? 0) + this.intervalMs - Date.now();
    if (wait <= 0) return this.now(id);
    this.timers.set(id, setTimeout(() => this.now(id), wait));
  }

  now(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.lastSent.set(id, Date.now());
    this.send(id);
  }

  forget(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.lastSent.delete(id);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
