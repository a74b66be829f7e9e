import type { EventBus } from "../events/bus";
import { toPublic, type DownloadRecord } from "./download-record";
import type { DownloadStore } from "./download-store";
import { ProgressMeter } from "./progress-meter";
import { UpdateThrottle } from "./update-throttle";

/**
 * Applies changes to download records, saves them and tells every window: state changes at once,
 * progress at most once per interval (the last one always delivered) with speed and ETA.
 */
export class DownloadUpdates {
  private readonly throttle: UpdateThrottle;
  private readonly meters = new Map<string, ProgressMeter>();
  private savedAt = 0;

  constructor(
    private readonly events: EventBus,
    private readonly store: DownloadStore,
    private readonly records: () => DownloadRecord[],
    private readonly timing: { progressIntervalMs: number; persistEveryMs: number },
  ) {
    this.throttle = new UpdateThrottle(timing.progressIntervalMs, (id) => this.emit(id));
  }

  /** Applies a change, saves, and emits (at once, or throttled when `immediate` is false). */
  changed(record: DownloadRecord, patch: Partial<DownloadRecord> = {}, immediate = true): void {
    Object.assign(record, patch, { receivedBytes: receivedOf(record), updatedAt: Date.now() });
    if (record.state !== "downloading") this.meters.delete(record.id);
    this.store.save(this.records());
    if (immediate) this.throttle.now(record.id);
    else this.throttle.progress(record.id);
  }

  /** Bytes arrived: feeds the speed, emits throttled, and saves progress now and then. */
  progressed(record: DownloadRecord, count: number): void {
    let meter = this.meters.get(record.id);
    if (!meter) this.meters.set(record.id, (meter = new ProgressMeter()));
    meter.add(count);
    this.throttle.progress(record.id);
    if (Date.now() - this.savedAt < this.timing.persistEveryMs) return;
    this.savedAt = Date.now();
    this.store.save(this.records().map((r) => ({ ...r, receivedBytes: receivedOf(r) })));
  }

  /** Saves the list as it is (after removals). */
  saved(): void {
    this.store.save(this.records());
  }

  forget(id: string): void {
    this.throttle.forget(id);
    this.meters.delete(id);
  }

  /** Stops emitting and waits until the list is saved. */
  async dispose(): Promise<void> {
    this.throttle.dispose();
    this.store.save(this.records());
    await this.store.flush();
  }

  private emit(id: string): void {
    const record = this.records().find((r) => r.id === id);
    if (!record) return;
    const meter = record.state === "downloading" ? this.meters.get(id) : undefined;
    record.receivedBytes = receivedOf(record);
    record.bytesPerSecond = meter?.bytesPerSecond() ?? 0;
    record.etaSeconds = meter ? meter.etaSeconds(record.totalBytes - record.receivedBytes) : record.state === "completed" ? 0 : null;
    this.events.emit("download.updated", toPublic(record));
  }
}

function receivedOf(record: DownloadRecord): number {
  return record.files.reduce((sum, file) => sum + file.receivedBytes, 0);
}
