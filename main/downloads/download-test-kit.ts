import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CatalogEntry, Download, DownloadRequest } from "../../shared/library";
import { AppError } from "../../shared/errors";
import { createEventBus } from "../events/bus";
import { HubClient } from "../hub/hub-client";
import { silentLogger } from "../log/types";
import { DownloadManager, type DownloadManagerOptions } from "./download-manager";

/** Test support: a real DownloadManager on a temp data dir, talking HTTP to a test hub, recording its events. */

export const FAST_TUNING = {
  stallTimeoutMs: 300,
  persistEveryMs: 20,
  progressIntervalMs: 50,
  retry: { maxRetries: 4, baseDelayMs: 10, maxDelayMs: 100 },
} satisfies Partial<DownloadManagerOptions>;

export interface ManagerHarness {
  manager: DownloadManager;
  dataDir: string;
  /** Every download.updated payload, in order. */
  updates: Download[];
  waitFor(id: string, test: (download: Download) => boolean, timeoutMs?: number): Promise<Download>;
  /** Waits for completed, failed or cancelled. */
  settled(id: string, timeoutMs?: number): Promise<Download>;
  start(request: DownloadRequest): Promise<Download>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  dataDir?: string;
  token?: string;
  catalog?: CatalogEntry[];
  concurrency?: number;
  tuning?: Partial<DownloadManagerOptions>;
}

export async function openManager(hubUrl: string, options: HarnessOptions = {}): Promise<ManagerHarness> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "atelier-dl-")));
  const events = createEventBus(silentLogger);
  const updates: Download[] = [];
  const wakers = new Set<() => void>();
  events.subscribe((event, payload) => {
    if (event !== "download.updated") return;
    updates.push(payload);
    for (const wake of [...wakers]) wake();
  });
  const hub = new HubClient({ endpoint: () => hubUrl, token: async () => options.token });
  const manager = await DownloadManager.open({
    dataDir,
    hub,
    catalog: {
      get(id) {
        const entry = options.catalog?.find((candidate) => candidate.id === id);
        if (!entry) throw new AppError("NOT_FOUND", `no catalog entry ${id}`);
        return entry;
      },
    },
    events,
    logger: silentLogger,
    concurrency: () => options.concurrency ?? 2,
    isInstalled: async (modelId) => stat(path.join(dataDir, "models", modelId)).then(() => true, () => false),
    onInstalled: async () => undefined,
    ...FAST_TUNING,
    ...options.tuning,
  });

  async function waitFor(id: string, test: (download: Download) => boolean, timeoutMs = 20_000): Promise<Download> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = manager.list().find((download) => download.id === id);
      if (found && test(found)) return found;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for download ${id}: ${JSON.stringify(found)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, 50);
        function done() {
          clearTimeout(timer);
          wakers.delete(done);
          resolve();
        }
        wakers.add(done);
      });
    }
  }

  return {
    manager,
    dataDir,
    updates,
    waitFor,
    settled: (id, timeoutMs) => waitFor(id, (d) => ["completed", "failed", "cancelled"].includes(d.state), timeoutMs),
    start: (request) => manager.start(request),
    close: () => manager.dispose(),
  };
}

export async function sha256OfFile(file: string): Promise<string> {
  return createHash("sha256").update(await readFile(file)).digest("hex");
}

/** Files of downloads in progress (parts, verified files), leaving out the download list itself. */
export async function stagedFiles(harness: { dataDir: string }): Promise<string[]> {
  return (await listTree(path.join(harness.dataDir, "downloads"))).filter((file) => !file.startsWith("downloads.json"));
}

/** Every file under a folder, relative, sorted (empty for a missing folder). */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
