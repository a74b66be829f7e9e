import path from "node:path";
import type { Settings } from "../../shared/settings";
import type { ImageMethods } from "../engines/image/methods";
import type { EngineClient } from "../engines/protocol";
import type { VideoMethods } from "../engines/video/methods";
import type { EventBus } from "../events/bus";
import type { JobQueue } from "../jobs/job-queue";
import type { Logger } from "../log/types";
import type { UploadStore } from "../uploads/upload-store";
import type { MemoryBroker } from "../models/memory-broker";
import type { HandlersFor } from "../router";
import { ClipLibrary } from "./clip-library";
import { ClipReveal } from "./clip-reveal";
import { ClipTransfer } from "./clip-transfer";
import { KeyframeService } from "./keyframe-service";
import { videoHandlers } from "./video-handlers";
import type { VideoModelSource } from "./video-models";
import { VideoService } from "./video-service";

export interface VideoStudioOptions {
  dataDir: string;
  /** The video engine: motion pipelines and RIFE (the host's engine fleet starts, configures, watches and stops it). */
  engine: EngineClient<VideoMethods>;
  /** The image engine, for keyframe animation with Stable Diffusion models. */
  imageEngine: EngineClient<ImageMethods>;
  memory: Pick<MemoryBroker, "makeRoom">;
  events: EventBus;
  jobs: JobQueue;
  models: VideoModelSource;
  /** Files a browser sent over HTTP, which `video.import` / `video.recall` name by id. */
  uploads: UploadStore;
  settings: () => Settings;
  logger: Logger;
  revealInFolder?: (file: string) => Promise<void>;
}

export interface VideoStudio {
  handlers: HandlersFor<"video">;
  library: ClipLibrary;
}

/** The video services and the clip library (`<data>/library/videos/`), wired for one data dir. */
export function createVideoStudio(options: VideoStudioOptions): VideoStudio {
  const { engine, memory, events, jobs, models, settings, logger } = options;
  const library = new ClipLibrary({ dir: path.join(options.dataDir, "library", "videos"), events, logger });
  const videos = new VideoService({ engine, memory, jobs, library, models, settings, logger });
  const keyframes = new KeyframeService({ engine: options.imageEngine, memory, jobs, library, models, settings });
  const transfer = new ClipTransfer(library, jobs, options.uploads);
  const reveal = new ClipReveal(library, logger, options.revealInFolder);
  return { handlers: videoHandlers({ videos, keyframes, transfer, library, reveal, models }), library };
}
