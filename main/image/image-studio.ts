import path from "node:path";
import type { ModelInfo } from "../../shared/models";
import type { Settings } from "../../shared/settings";
import type { ImageMethods } from "../engines/image/methods";
import type { EngineClient } from "../engines/protocol";
import type { EventBus } from "../events/bus";
import type { JobQueue } from "../jobs/job-queue";
import { libraryHandlers } from "../library/library-handlers";
import { LibraryService } from "../library/library-service";
import type { Logger } from "../log/types";
import type { MemoryBroker } from "../models/memory-broker";
import type { HandlersFor } from "../router";
import { imageHandlers } from "./image-handlers";
import { ImageService } from "./image-service";

export interface ImageStudioOptions {
  dataDir: string;
  /** The image engine (the host's engine fleet starts, configures, watches and stops it). */
  engine: EngineClient<ImageMethods>;
  memory: Pick<MemoryBroker, "makeRoom">;
  events: EventBus;
  jobs: JobQueue;
  getModel: (id: string) => Promise<ModelInfo>;
  settings: () => Settings;
  logger: Logger;
  revealInFolder?: (file: string) => Promise<void>;
}

export interface ImageStudio {
  handlers: HandlersFor<"image"> & HandlersFor<"library">;
  library: LibraryService;
}

/** The image service on the image engine, and the library, wired for one data dir. */
export function createImageStudio(options: ImageStudioOptions): ImageStudio {
  const { engine, events, logger } = options;
  const library = new LibraryService({
    dir: path.join(options.dataDir, "library"),
    events,
    logger,
    ...(options.revealInFolder ? { revealInFolder: options.revealInFolder } : {}),
  });
  const images = new ImageService({ engine, memory: options.memory, jobs: options.jobs, library, getModel: options.getModel, settings: options.settings, logger });
  return {
    handlers: { ...imageHandlers(images), ...libraryHandlers(library) },
    library,
  };
}
