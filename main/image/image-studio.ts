import path from "node:path";
import type { ModelInfo } from "../../shared/models";
import type { Settings } from "../../shared/settings";
import { EngineHost } from "../engines/engine-host";
import type { ImageMethods } from "../engines/image/methods";
import type { EngineLauncher } from "../engines/protocol";
import type { EventBus } from "../events/bus";
import type { JobQueue } from "../jobs/job-queue";
import { libraryHandlers } from "../library/library-handlers";
import { LibraryService } from "../library/library-service";
import type { Logger } from "../log/types";
import type { HandlersFor } from "../router";
import { imageHandlers } from "./image-handlers";
import { ImageService } from "./image-service";

export interface ImageStudioOptions {
  dataDir: string;
  launcher: EngineLauncher;
  events: EventBus;
  jobs: JobQueue;
  getModel: (id: string) => Promise<ModelInfo>;
  settings: () => Settings;
  logger: Logger;
  revealInFolder?: (file: string) => Promise<void>;
}

export interface ImageStudio {
  handlers: HandlersFor<"image"> & HandlersFor<"library">;
  engine: EngineHost<ImageMethods>;
  library: LibraryService;
  /** Frees a model if the image engine holds it; a stopped engine holds nothing and is not started. */
  unload(modelId: string): Promise<boolean>;
  /** Stops the engine process (after the job queue cancelled its jobs). */
  stop(): Promise<void>;
}

/** The image engine process, the image service and the library, wired for one data dir. */
export function createImageStudio(options: ImageStudioOptions): ImageStudio {
  const { events, logger } = options;
  const engine = new EngineHost<ImageMethods>({ engine: "image", launcher: options.launcher, logger });
  const library = new LibraryService({
    dir: path.join(options.dataDir, "library"),
    events,
    logger,
    ...(options.revealInFolder ? { revealInFolder: options.revealInFolder } : {}),
  });
  const images = new ImageService({ engine, jobs: options.jobs, library, getModel: options.getModel, settings: options.settings, logger });
  return {
    handlers: { ...imageHandlers(images), ...libraryHandlers(library) },
    engine,
    library,
    async unload(modelId) {
      if (engine.state !== "ready") return false;
      return (await engine.call("unload", { modelId })).unloaded;
    },
    stop: () => engine.stop(),
  };
}
