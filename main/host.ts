import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Unsubscribe } from "../shared/contract";
import { ChatGeneration } from "./chats/chat-generation";
import { chatHandlers } from "./chats/chat-handlers";
import { ChatService } from "./chats/chat-service";
import { ChatStore } from "./chats/chat-store";
import { EngineHost } from "./engines/engine-host";
import type { LlmMethods } from "./engines/llm/methods";
import { createNodeLauncher } from "./engines/node-launcher";
import type { EngineLauncher } from "./engines/protocol";
import { createEventBus, type BusListener } from "./events/bus";
import { jobHandlers } from "./jobs/job-handlers";
import { JobQueue } from "./jobs/job-queue";
import { JobStore } from "./jobs/job-store";
import { createFileLogger } from "./log/logger";
import type { Logger } from "./log/types";
import { cacheConfigFrom } from "./models/cache-config";
import { ConfiguredLlm } from "./models/configured-llm";
import { EngineMonitor } from "./models/engine-monitor";
import { engineHandlers, modelHandlers } from "./models/model-handlers";
import { ModelService } from "./models/model-service";
import { createRouter, type Router } from "./router";
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
}

export interface Host {
  router: Router;
  events: { subscribe(listener: BusListener): Unsubscribe };
  /** Cancels running jobs, stops the engines and saves what is pending. */
  dispose(): Promise<void>;
}

export const DATA_FOLDERS = ["models", "chats", "library", "downloads", "logs"] as const;

/** The composition root: every service for one data dir, wired to one router and one event bus. */
export async function createHost(options: HostOptions): Promise<Host> {
  const dataDir = path.resolve(options.dataDir);
  for (const folder of DATA_FOLDERS) await mkdir(path.join(dataDir, folder), { recursive: true });
  const logger = options.logger ?? createFileLogger(path.join(dataDir, "logs"));
  const events = createEventBus(logger);
  const settings = await createSettingsService({ file: path.join(dataDir, "settings.json"), events, logger });
  const jobs = await JobQueue.open({
    events,
    logger,
    store: new JobStore(path.join(dataDir, "jobs.json"), logger),
    concurrency: () => settings.get().engines.concurrency,
  });
  const models = new ModelService(path.join(dataDir, "models"), events, logger);

  // The callbacks below run only once a process starts, after monitor and llm exist.
  const engine = new EngineHost<LlmMethods>({
    engine: "llm",
    launcher: options.launcher ?? createNodeLauncher(options.workerDir, logger),
    logger,
    onStateChange: (state) => {
      if (state !== "ready") llm.processChanged();
      monitor.stateChanged(state);
    },
  });
  const monitor = new EngineMonitor(engine, events, logger);
  const llm = new ConfiguredLlm(engine, () => cacheConfigFrom(settings.get()), logger, () => monitor.refresh());
  const unsubscribeSettings = events.subscribe((event, _payload) => {
    if (event !== "settings.changed") return;
    llm.reconfigure();
    jobs.reschedule();
  });

  const store = new ChatStore(path.join(dataDir, "chats"), logger);
  const generation = new ChatGeneration({
    store,
    events,
    jobs,
    llm,
    getModel: (id) => models.get(id),
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
      ...settingsHandlers(settings),
      ...jobHandlers(jobs),
      ...modelHandlers(models, llm),
      ...engineHandlers(monitor),
      ...chatHandlers(chats, generation),
    },
    logger,
  );
  logger.log("info", "host", `Atelier ${options.version} started (${options.mode})`, { dataDir });

  let disposed: Promise<void> | undefined;
  return {
    router,
    events: { subscribe: (listener) => events.subscribe(listener) },
    dispose() {
      disposed ??= (async () => {
        unsubscribeSettings();
        await jobs.dispose();
        monitor.dispose();
        await engine.stop();
        logger.log("info", "host", "Atelier stopped");
      })();
      return disposed;
    },
  };
}
