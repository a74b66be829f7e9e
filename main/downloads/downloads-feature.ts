import { stat } from "node:fs/promises";
import path from "node:path";
import type { Settings } from "../../shared/settings";
import type { EventBus } from "../events/bus";
import { resolveInside } from "../fs/inside";
import { HubClient } from "../hub/hub-client";
import { HUB_TOKEN, hubHandlers, type GgufFitEstimator } from "../hub/hub-handlers";
import type { Logger } from "../log/types";
import type { HandlersFor } from "../router";
import type { SecretStore } from "../secrets/secret-store";
import type { CatalogLookup } from "../catalog/catalog";
import { downloadHandlers } from "./download-handlers";
import { DownloadManager, type DownloadManagerOptions } from "./download-manager";

export interface DownloadsFeatureOptions {
  dataDir: string;
  events: EventBus;
  logger: Logger;
  settings: { get(): Settings };
  secrets: SecretStore;
  catalog: Pick<CatalogLookup, "get">;
  /** The installed models: a download of an installed id is refused; a finished one refreshes the list. */
  models: { list(): Promise<{ id: string }[]>; refresh(): Promise<unknown> };
  estimateFit?: GgufFitEstimator;
  /** Timing knobs for tests (stall timeout, retries, save and progress intervals). */
  tuning?: Pick<DownloadManagerOptions, "stallTimeoutMs" | "retry" | "persistEveryMs" | "progressIntervalMs">;
}

export interface DownloadsFeature {
  handlers: HandlersFor<"hub"> & HandlersFor<"downloads">;
  manager: DownloadManager;
  dispose(): Promise<void>;
}

/** The hub client and the download queue, wired to settings, secrets and the model list. */
export async function openDownloadsFeature(options: DownloadsFeatureOptions): Promise<DownloadsFeature> {
  const { settings, secrets, events } = options;
  const hub = new HubClient({ endpoint: () => settings.get().hub.endpoint, token: () => secrets.get(HUB_TOKEN) });
  const modelsDir = path.join(options.dataDir, "models");
  const manager = await DownloadManager.open({
    dataDir: options.dataDir,
    hub,
    catalog: options.catalog,
    events,
    logger: options.logger,
    concurrency: () => settings.get().downloads.concurrency,
    isInstalled: async (modelId) =>
      (await options.models.list()).some((model) => model.id === modelId) ||
      (await stat(resolveInside(modelsDir, modelId)).then(() => true, () => false)),
    onInstalled: async () => {
      await options.models.refresh();
    },
    ...options.tuning,
  });
  const unsubscribe = events.subscribe((event, _payload) => {
    if (event === "settings.changed") manager.reschedule();
  });
  return {
    handlers: { ...hubHandlers(hub, secrets, options.estimateFit), ...downloadHandlers(manager) },
    manager,
    async dispose() {
      unsubscribe();
      await manager.dispose();
    },
  };
}
