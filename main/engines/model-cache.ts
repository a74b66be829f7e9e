/**
 * Loaded models of one engine process, kept within a memory budget: the least
 * recently used idle model is unloaded before a load that would exceed it, and a
 * model unused for `idleUnloadMs` is unloaded on its own.
 */

export interface ModelCacheConfig {
  budgetBytes: number;
  /** 0 keeps idle models loaded until evicted. */
  idleUnloadMs: number;
}

export interface ModelCacheOptions<T> extends ModelCacheConfig {
  dispose(value: T, key: string): Promise<void>;
  onWarning?(message: string): void;
}

export interface CacheEntryInfo<T> {
  key: string;
  value: T;
  bytes: number;
  lastUsedAt: number;
  /** Number of acquires not yet released. */
  users: number;
}

interface Entry<T> extends CacheEntryInfo<T> {
  idleTimer: NodeJS.Timeout | undefined;
  /** Set by `unload` while the entry is in use: dispose once the last user releases it. */
  onIdle: (() => void) | undefined;
}

export class ModelCache<T> {
  private readonly entriesByKey = new Map<string, Entry<T>>();
  /** Entries removed by `unload` that still wait for their users to release them. */
  private readonly unloading = new Map<string, Entry<T>>();
  private readonly loading = new Map<string, { bytes: number; promise: Promise<Entry<T>> }>();
  private config: ModelCacheConfig;
  private readonly warningLog: string[] = [];

  constructor(private readonly options: ModelCacheOptions<T>) {
    this.config = { budgetBytes: options.budgetBytes, idleUnloadMs: options.idleUnloadMs };
  }

  /** Recent warnings, e.g. a model loaded over budget. */
  get warnings(): readonly string[] {
    return this.warningLog;
  }

  /** The loaded value for `key`, loading it (once, however many callers wait) if needed. Pair with `release`. */
  async acquire(key: string, estimatedBytes: number, load: () => Promise<T>): Promise<T> {
    let entry = this.entriesByKey.get(key);
    if (!entry) {
      const inFlight = this.loading.get(key);
      if (inFlight) {
        entry = await inFlight.promise;
      } else {
        const promise = this.load(key, estimatedBytes, load);
        this.loading.set(key, { bytes: estimatedBytes, promise });
        try {
          entry = await promise;
        } finally {
          this.loading.delete(key);
        }
      }
    }
    entry.users++;
    entry.lastUsedAt = Date.now();
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    return entry.value;
  }

  release(key: string): void {
    // An entry waiting to be unloaded was acquired before any newer entry for the same key.
    const entry = this.unloading.get(key) ?? this.entriesByKey.get(key);
    if (!entry || entry.users === 0) return;
    entry.users--;
    entry.lastUsedAt = Date.now();
    if (entry.users > 0) return;
    if (entry.onIdle) entry.onIdle();
    else this.scheduleIdleUnload(entry);
  }

  /** Updates a loaded model's size once its real footprint is known. */
  setBytes(key: string, bytes: number): void {
    const entry = this.entriesByKey.get(key);
    if (entry) entry.bytes = bytes;
  }

  /**
   * Unloads now, or as soon as its current users release it (with `ifIdle`, not at all while in
   * use). Resolves false if it was not unloaded.
   */
  async unload(key: string, { ifIdle = false }: { ifIdle?: boolean } = {}): Promise<boolean> {
    const entry = this.entriesByKey.get(key);
    if (!entry || (ifIdle && entry.users > 0)) return false;
    this.entriesByKey.delete(key);
    clearTimeout(entry.idleTimer);
    if (entry.users > 0) {
      this.unloading.set(key, entry);
      await new Promise<void>((resolve) => (entry.onIdle = resolve));
      this.unloading.delete(key);
    }
    await this.dispose(entry);
    return true;
  }

  entries(): CacheEntryInfo<T>[] {
    return [...this.entriesByKey.values()].map(({ key, value, bytes, lastUsedAt, users }) => ({ key, value, bytes, lastUsedAt, users }));
  }

  async configure(config: ModelCacheConfig): Promise<void> {
    this.config = { ...config };
    for (const entry of this.entriesByKey.values()) if (entry.users === 0) this.scheduleIdleUnload(entry);
    await this.evictFor(0);
  }

  /** Unloads everything (waiting for current users), e.g. before the process exits. */
  async clear(): Promise<void> {
    await Promise.all([...this.loading.values()].map((item) => item.promise.catch(() => undefined)));
    await Promise.all([...this.entriesByKey.keys()].map((key) => this.unload(key)));
  }

  private async load(key: string, bytes: number, load: () => Promise<T>): Promise<Entry<T>> {
    await this.evictFor(bytes, key);
    if (this.usedBytes(key) + bytes > this.config.budgetBytes) {
      this.warn(
        `Loading "${key}" (${bytes} bytes) exceeds the memory budget of ${this.config.budgetBytes} bytes` +
          (this.entriesByKey.size === 0 ? "; it is loaded alone." : " while other models are in use."),
      );
    }
    const value = await load();
    const entry: Entry<T> = { key, value, bytes, lastUsedAt: Date.now(), users: 0, idleTimer: undefined, onIdle: undefined };
    this.entriesByKey.set(key, entry);
    return entry;
  }

  /** Unloads idle models, least recently used first, until `bytes` more fit in the budget. */
  private async evictFor(bytes: number, loadingKey?: string): Promise<void> {
    while (this.usedBytes(loadingKey) + bytes > this.config.budgetBytes) {
      const idle = [...this.entriesByKey.values()].filter((entry) => entry.users === 0);
      const oldest = idle.sort((a, b) => a.lastUsedAt - b.lastUsedAt)[0];
      if (!oldest) return;
      await this.unload(oldest.key);
    }
  }

  /** Bytes loaded or being loaded, leaving out the load of `loadingKey` itself. */
  private usedBytes(loadingKey?: string): number {
    let total = 0;
    for (const entry of this.entriesByKey.values()) total += entry.bytes;
    for (const [key, item] of this.loading) if (key !== loadingKey) total += item.bytes;
    return total;
  }

  private scheduleIdleUnload(entry: Entry<T>): void {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    if (this.config.idleUnloadMs <= 0) return;
    entry.idleTimer = setTimeout(() => {
      if (entry.users === 0 && this.entriesByKey.get(entry.key) === entry) void this.unload(entry.key);
    }, this.config.idleUnloadMs);
    entry.idleTimer.unref();
  }

  private async dispose(entry: Entry<T>): Promise<void> {
    try {
      await this.options.dispose(entry.value, entry.key);
    } catch (error) {
      this.warn(`Unloading "${entry.key}" failed: ${String(error)}`);
    }
  }

  private warn(message: string): void {
    this.warningLog.push(message);
    if (this.warningLog.length > 20) this.warningLog.shift();
    this.options.onWarning?.(message);
  }
}
