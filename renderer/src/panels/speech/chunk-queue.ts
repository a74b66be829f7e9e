/** One piece of a longer result that must be consumed in order. */
export interface OrderedChunk {
  index: number;
  total: number;
}

/**
 * Sentences arrive as events and are played strictly in order: a chunk that arrives early
 * waits for the ones before it, a duplicate is ignored, and the queue knows when the last
 * one has been handed out.
 */
export class ChunkQueue<T extends OrderedChunk> {
  private readonly waiting = new Map<number, T>();
  private next = 0;
  private total: number | null = null;

  /** Adds chunks (any order, repeats allowed); returns how many were new. */
  add(chunks: readonly T[]): number {
    let added = 0;
    for (const chunk of chunks) {
      this.total = chunk.total;
      if (chunk.index < this.next || this.waiting.has(chunk.index)) continue;
      this.waiting.set(chunk.index, chunk);
      added += 1;
    }
    return added;
  }

  /** The next chunk in order if it has arrived, removed from the queue. */
  take(): T | undefined {
    const chunk = this.waiting.get(this.next);
    if (!chunk) return undefined;
    this.waiting.delete(this.next);
    this.next += 1;
    return chunk;
  }

  /** How many chunks have been handed out. */
  get taken(): number {
    return this.next;
  }

  /** True once every chunk of the whole has been handed out. */
  get finished(): boolean {
    return this.total !== null && this.next >= this.total;
  }
}
