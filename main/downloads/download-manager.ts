import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { AppError, toAppErrorShape } from "../../shared/errors";
import type { Download, DownloadRequest } from "../../shared/library";
import type { CatalogLookup } from "../catalog/catalog";
import type { EventBus } from "../events/bus";
import { resolveInside } from "../fs/inside";
import type { HubClient } from "../hub/hub-client";
import type { Logger } from "../log/types";
import { checkRoomFor, refuseDuplicate } from "./download-admission";
import { planDownload, recordOf } from "./download-plan";
import { FINAL_DOWNLOAD_STATES, toPublic, type DownloadRecord } from "./download-record";
import { recoverRecords, removeOrphans } from "./download-recovery";
import { runDownload } from "./download-runner";
import { DownloadStore } from "./download-store";
import { DownloadUpdates } from "./download-updates";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry-policy";

export interface DownloadManagerOptions {
  dataDir: string;
  hub: Pick<HubClient, "listFiles" | "openFile" | "resolveRevision">;
  catalog: Pick<CatalogLookup, "get">;
  events: EventBus;
  logger: Logger;
  /** Downloads that run at once; read whenever one could start. */
  concurrency: () => number;
  isInstalled(modelId: string): Promise<boolean>;
  /** After a model's folder appears: refresh the model list. */
  onInstalled(modelId: string): Promise<void>;
  /** No bytes for this long → retry (30 s by default). */
  stallTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** How often progress is saved while bytes flow (1 s by default). */
  persistEveryMs?: number;
  /** At most one download.updated per download per interval while bytes flow (150 ms by default). */
  progressIntervalMs?: number;
}

type StopReason = "pause" | "cancel" | "shutdown";
interface Active {
  controller: AbortController;
  done: Promise<void>;
}

/** The download queue: a few at a time, resumable across pauses and restarts, installed only when verified. */
export class DownloadManager {
  private readonly downloadsDir: string;
  private readonly modelsDir: string;
  private readonly active = new Map<string, Active>();
  private readonly updates: DownloadUpdates;
  private disposed = false;

  private constructor(
    private readonly options: DownloadManagerOptions,
    store: DownloadStore,
    private records: DownloadRecord[],
  ) {
    this.downloadsDir = path.join(options.dataDir, "downloads");
    this.modelsDir = path.join(options.dataDir, "models");
    this.updates = new DownloadUpdates(options.events, store, () => this.records, {
      progressIntervalMs: options.progressIntervalMs ?? 150,
      persistEveryMs: options.persistEveryMs ?? 1000,
    });
  }

  static async open(options: DownloadManagerOptions): Promise<DownloadManager> {
    const [downloadsDir, modelsDir] = ["downloads", "models"].map((folder) => path.join(options.dataDir, folder)) as [string, string];
    for (const dir of [downloadsDir, modelsDir]) await mkdir(dir, { recursive: true });
    const store = new DownloadStore(downloadsDir, options.logger);
    const records = recoverRecords(await store.load());
    await removeOrphans(records, downloadsDir, modelsDir, options.logger);
    const manager = new DownloadManager(options, store, records);
    manager.pump();
    return manager;
  }

  /** Newest first. */
  list(): Download[] {
    return this.records.map(toPublic).reverse();
  }

  async start(request: DownloadRequest): Promise<Download> {
    const plan = await planDownload(request, this.options.hub, this.options.catalog);
    const record = recordOf(plan);
    await checkRoomFor(plan, record.totalBytes, this.records, this.downloadsDir, (id) => this.options.isInstalled(id));
    // After the last await, so two quick clicks cannot both add the same model.
    refuseDuplicate(plan, this.records);
    this.records.push(record);
    this.updates.changed(record);
    this.pump();
    return toPublic(record);
  }

  async pause(id: string): Promise<Download> {
    const record = this.require(id);
    if (record.state === "queued") this.updates.changed(record, { state: "paused" });
    if (record.state === "downloading") await this.stop(id, "pause");
    return toPublic(record);
  }

  /** Continues a paused download, or retries a failed one from its part files. */
  async resume(id: string): Promise<Download> {
    const record = this.require(id);
    if (record.state === "paused" || record.state === "failed") {
      this.updates.changed(record, { state: "queued", error: undefined, attempts: 0 });
      this.pump();
    }
    return toPublic(record);
  }

  /** Stops a download and removes its partial files; an installed model is left alone. */
  async cancel(id: string): Promise<Download> {
    const record = this.require(id);
    if (record.state === "downloading") await this.stop(id, "cancel");
    else if (record.state === "queued" || record.state === "paused" || record.state === "failed") await this.discard(record);
    return toPublic(record);
  }

  async clearFinished(): Promise<number> {
    const finished = this.records.filter((record) => FINAL_DOWNLOAD_STATES.includes(record.state));
    for (const record of finished) {
      await rm(this.stagingDir(record), { recursive: true, force: true });
      this.updates.forget(record.id);
    }
    this.records = this.records.filter((record) => !finished.includes(record));
    if (finished.length > 0) this.updates.saved();
    return finished.length;
  }

  /** Starts whatever the concurrency setting now allows. */
  reschedule(): void {
    this.pump();
  }

  /** Stops running downloads so they continue at the next start, and saves everything. */
  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([...this.active.keys()].map((id) => this.stop(id, "shutdown")));
    await this.updates.dispose();
  }

  private pump(): void {
    if (this.disposed) return;
    const slots = Math.max(1, this.options.concurrency()) - this.active.size;
    for (const record of this.records.filter((r) => r.state === "queued").slice(0, Math.max(0, slots))) this.run(record);
  }

  private run(record: DownloadRecord): void {
    const { options } = this;
    const controller = new AbortController();
    this.updates.changed(record, { state: "downloading", error: undefined });
    const done = runDownload(record, {
      hub: options.hub, logger: options.logger, modelsDir: this.modelsDir, stagingDir: this.stagingDir(record),
      signal: controller.signal, stallTimeoutMs: options.stallTimeoutMs ?? 30_000, retry: { ...DEFAULT_RETRY, ...options.retry },
      onBytes: (count) => this.updates.progressed(record, count),
      onRetry: () => this.updates.changed(record, { attempts: record.attempts + 1 }, false),
      onState: (state) => this.updates.changed(record, { state }),
    })
      .then(async () => {
        // The model list first, so whoever hears "completed" finds the model listed.
        await options.onInstalled(record.modelId).catch((error: unknown) => {
          options.logger.log("error", "downloads", `Could not refresh models after installing ${record.modelId}`, { error });
        });
        this.updates.changed(record, { state: "completed" });
      }, (error: unknown) => this.stopped(record, controller.signal, error))
      .finally(() => {
        this.active.delete(record.id);
        this.pump();
      });
    this.active.set(record.id, { controller, done });
  }

  private async stopped(record: DownloadRecord, signal: AbortSignal, error: unknown): Promise<void> {
    const reason = signal.aborted ? (signal.reason as StopReason) : undefined;
    if (reason === "pause") return this.updates.changed(record, { state: "paused" });
    if (reason === "shutdown") return this.updates.changed(record, { state: "queued" }, false);
    if (reason === "cancel") return this.discard(record);
    const shape = toAppErrorShape(error);
    if (shape.code === "INTERNAL") this.options.logger.log("error", "downloads", `Download ${record.name} failed`, { error });
    this.updates.changed(record, { state: "failed", error: shape });
  }

  private async stop(id: string, reason: StopReason): Promise<void> {
    const active = this.active.get(id);
    if (!active) return;
    active.controller.abort(reason);
    await active.done;
  }

  private async discard(record: DownloadRecord): Promise<void> {
    await rm(this.stagingDir(record), { recursive: true, force: true });
    for (const file of record.files) Object.assign(file, { receivedBytes: 0, verified: false, digest: undefined });
    this.updates.changed(record, { state: "cancelled" });
  }

  private stagingDir(record: DownloadRecord): string {
    return resolveInside(this.downloadsDir, record.id);
  }

  private require(id: string): DownloadRecord {
    const record = this.records.find((r) => r.id === id);
    if (!record) throw new AppError("NOT_FOUND", `There is no download ${id}.`);
    return record;
  }
}
