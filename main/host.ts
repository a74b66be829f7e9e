import path from "node:path";
import type { Unsubscribe } from "../shared/contract";
import { ChatGeneration } from "./chats/chat-generation";
import { chatHandlers } from "./chats/chat-handlers";
import { ChatService } from "./chats/chat-service";
import { ChatStore } from "./chats/chat-store";
import { aboutHandlers, defaultNoticesFile } from "./about/about-handlers";
import { defaultCatalogFile, loadCatalog } from "./catalog/catalog";
import { createNodeLauncher } from "./engines/node-launcher";
import type { EngineLauncher } from "./engines/protocol";
import { openDownloadsFeature } from "./downloads/downloads-feature";
import { createEventBus, type BusListener } from "./events/bus";
import { prepareDataDir } from "./fs/data-dir-check";
import { sweepTempFiles } from "./fs/temp-sweep";
import { estimateFitFromSize } from "./hardware/fit-estimate";
import { createImageStudio } from "./image/image-studio";
import { createSpeechStudio } from "./speech/speech-studio";
import { createVideoStudio } from "./video/video-studio";
import { UPLOAD_TTL_MS, UploadStore } from "./uploads/upload-store";
import { jobHandlers } from "./jobs/job-handlers";
import { JobQueue } from "./jobs/job-queue";
import { JobStore } from "./jobs/job-store";
import { createFileLogger } from "./log/logger";
import type { Logger } from "./log/types";
import { cacheConfigFrom } from "./models/cache-config";
import { EngineFleet, type EngineFleetOptions } from "./models/engine-fleet";
import { MemoryBroker } from "./models/memory-broker";
import { engineHandlers } from "./models/model-handlers";
import { createModelLibrary } from "./models/model-library";
import { ModelService } from "./models/model-service";
import { createRouter, type Router } from "./router";
import { FileSecretStore } from "./secrets/file-secret-store";
import type { SecretStore } from "./secrets/secret-store";
import { settingsHandlers } from "./settings/settings-handlers";
import { createSettingsService } from "./settings/settings-service";

export interface HostOptions {
  dataDir: string;
  /** Where the engine worker bundles (engine-<name>.js) live. */
  workerDir: string;
  /** How engine processes start; Node's fork unless given (Electron passes utilityProcess). */
  launcher?: EngineLauncher;
  mode: "desktop" | "serve";
  version: string;
  /** Defaults to the rotating file log in `<data>/logs/`. */
  logger?: Logger;
  /** The curated catalog; defaults to `resources/catalog.json` beside the build output. */
  catalogFile?: string;
  /** Where the hub access token lives; a plain 0600 file in the data dir unless given (Electron passes safeStorage). */
  secrets?: SecretStore;
  /** Shows a file in the OS file manager (desktop: Electron's shell.showItemInFolder). */
  revealInFolder?: (file: string) => Promise<void>;
  /** When a silent engine counts as hung, per engine; each engine's own limits unless given (tests use short ones). */
  engineLiveness?: EngineFleetOptions["liveness"];
}

export interface Host {
  router: Router;
  events: { subscribe(listener: BusListener): Unsubscribe };
  /** Files sent over HTTP in serve mode (`<data>/uploads/`), named by id in requests. */
  uploads: UploadStore;
  /** Cancels running jobs, stops the engines and saves what is pending. */
  dispose(): Promise<void>;
}

export const DATA_FOLDERS = ["models", "chats", "library", "downloads", "logs"] as const;

/** The composition root: every service for one data dir, wired to one router and one event bus. */
export async function createHost(options: HostOptions): Promise<Host> {
  const dataDir = path.resolve(options.dataDir);
  const logger = options.logger ?? createFileLogger(path.join(dataDir, "logs"));
  await prepareDataDir(dataDir, DATA_FOLDERS, logger);
  await sweepTempFiles(dataDir, logger);
  const uploads = new UploadStore(path.join(dataDir, "uploads"), logger);
  await uploads.open();
  const uploadSweep = setInterval(() => void uploads.sweep(), UPLOAD_TTL_MS / 6);
  uploadSweep.unref();
  const events = createEventBus(logger);
  const settings = await createSettingsService({ file: path.join(dataDir, "settings.json"), events, logger });
  const jobs = await JobQueue.open({
    events,
    logger,
    store: new JobStore(path.join(dataDir, "jobs.json"), logger),
    concurrency: () => settings.get().engines.concurrency,
  });
  const models = new ModelService(path.join(dataDir, "models"), events, logger, () => settings.get().models.folders);
  const catalog = await loadCatalog(options.catalogFile ?? defaultCatalogFile(options.workerDir));
  const launcher = options.launcher ?? createNodeLauncher(options.workerDir, logger);

  const engines = new EngineFleet({
    launcher,
    events,
    logger,
    cacheConfig: () => cacheConfigFrom(settings.get()),
    ...(options.engineLiveness ? { liveness: options.engineLiveness } : {}),
  });
  const { llm } = engines;
  const memory = new MemoryBroker({
    engines: () => engines.list(),
    getModel: (id) => models.get(id),
    budgetBytes: () => cacheConfigFrom(settings.get()).budgetBytes,
    logger,
  });
  const library = createModelLibrary({ models, catalog, llm, memory, onnx: engines.onnx, settings: () => settings.get(), logger });
  const downloads = await openDownloadsFeature({
    dataDir,
    events,
    logger,
    settings,
    secrets: options.secrets ?? new FileSecretStore(path.join(dataDir, "secrets.json")),
    catalog,
    models,
    estimateFit: async (sizeBytes) => estimateFitFromSize({ sizeBytes, format: "gguf" }, await library.hardware.budget()),
  });
  const imageStudio = createImageStudio({
    dataDir,
    engine: engines.image,
    memory,
    events,
    jobs,
    getModel: (id) => models.get(id),
    settings: () => settings.get(),
    logger,
    ...(options.revealInFolder ? { revealInFolder: options.revealInFolder } : {}),
  });
  const speechStudio = createSpeechStudio({ dataDir, engine: engines.speech, memory, events, jobs, models, logger });
  const videoStudio = createVideoStudio({
    dataDir,
    engine: engines.video,
    imageEngine: engines.image,
    memory,
    events,
    jobs,
    models,
    uploads,
    settings: () => settings.get(),
    logger,
    ...(options.revealInFolder ? { revealInFolder: options.revealInFolder } : {}),
  });
  let modelFolders = JSON.stringify(settings.get().models.folders);
  const unsubscribeSettings = events.subscribe((event, _payload) => {
    if (event !== "settings.changed") return;
    engines.reconfigure();
    jobs.reschedule();
    const folders = JSON.stringify(settings.get().models.folders);
    if (folders !== modelFolders) {
      modelFolders = folders;
      models.refresh().catch((error: unknown) => logger.log("warn", "models", "Could not rescan the model folders", { error }));
    }
  });

  const store = new ChatStore(path.join(dataDir, "chats"), logger);
  const generation = new ChatGeneration({
    store,
    events,
    jobs,
    llm,
    memory,
    getModel: (id) => library.fits.requireRunnable(id),
    settings: () => settings.get(),
    logger,
  });
  const chats = new ChatService({
    store,
    events,
    requireModel: (id) => models.get(id),
    beforeDelete: (id) => generation.cancelAll(id),
  });

  const router = createRouter(
    {
      "app.info": async () => ({ version: options.version, dataDir, mode: options.mode, platform: process.platform }),
      ...aboutHandlers(options.version, defaultNoticesFile(options.workerDir)),
      ...settingsHandlers(settings),
      ...jobHandlers(jobs),
      ...library.handlers(engines),
      ...downloads.handlers,
      ...engineHandlers(engines.monitor),
      ...chatHandlers(chats, generation),
      ...imageStudio.handlers,
      ...speechStudio.handlers,
      ...videoStudio.handlers,
    },
    logger,
  );
  logger.log("info", "host", `Atelier ${options.version} started (${options.mode})`, { dataDir });

  let disposed: Promise<void> | undefined;
  return {
    router,
    events: { subscribe: (listener) => events.subscribe(listener) },
    uploads,
    dispose() {
      disposed ??= (async () => {
        clearInterval(uploadSweep);
        unsubscribeSettings();
        await downloads.dispose();
        await jobs.dispose();
        await store.flushUnsaved();
        await library.stop();
        await engines.stop();
        logger.log("info", "host", "Atelier stopped");
      })();
      return disposed;
    },
  };
}
