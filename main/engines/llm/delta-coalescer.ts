/**
 * Batches streamed text so the process boundary carries a few messages per second
 * instead of one per token: the first chunk goes out at once (time to first token),
 * later chunks at most every `intervalMs`, and `flush` sends whatever is left.
 */
export class DeltaCoalescer {
  private buffer = "";
  private timer: NodeJS.Timeout | undefined;
  private sentFirst = false;

  constructor(
    private readonly emit: (delta: { text: string }) => void,
    private readonly intervalMs = 30,
  ) {}

  push(text: string): void {
    if (!text) return;
    if (!this.sentFirst) {
      this.sentFirst = true;
      this.emit({ text });
      return;
    }
    this.buffer += text;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.buffer) return;
    const text = this.buffer;
    this.buffer = "";
    this.emit({ text });
  }
}
