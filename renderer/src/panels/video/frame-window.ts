/** Decoded frames kept per clip: enough for smooth playback, bounded so a 1,000-frame clip does not fill memory. */
export const FRAME_MEMORY_BYTES = 256 * 1024 * 1024;
export const MIN_KEPT_FRAMES = 16;

/** How many decoded RGBA frames of this size fit in the budget (at least MIN_KEPT_FRAMES, never more than the clip has). */
export function framesToKeep(width: number, height: number, frameCount: number, budgetBytes = FRAME_MEMORY_BYTES): number {
  const perFrame = Math.max(1, width * height * 4);
  return Math.min(frameCount, Math.max(MIN_KEPT_FRAMES, Math.floor(budgetBytes / perFrame)));
}

/**
 * The frames to have ready next, nearest first: the current one, then up to `ahead` after it
 * (wrapping to the start when the clip loops).
 */
export function framesAhead(current: number, frameCount: number, ahead: number, loop: boolean): number[] {
  const order: number[] = [];
  const span = Math.min(frameCount, ahead + 1);
  for (let offset = 0; offset < span; offset++) {
    const index = current + offset;
    if (index < frameCount) order.push(index);
    else if (loop) order.push(index % frameCount);
    else break;
  }
  return order;
}

/** A map that forgets the least recently used entry beyond `capacity`; `onEvict` frees what it held. */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly capacity: number,
    private readonly onEvict: (key: K, value: V) => void = () => {},
  ) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    const old = this.entries.get(key);
    this.entries.delete(key);
    if (old !== undefined && old !== value) this.onEvict(key, old);
    this.entries.set(key, value);
    while (this.entries.size > Math.max(1, this.capacity)) {
      const [oldestKey, oldestValue] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldestKey);
      this.onEvict(oldestKey, oldestValue);
    }
  }

  clear(): void {
    for (const [key, value] of this.entries) this.onEvict(key, value);
    this.entries.clear();
  }
}
