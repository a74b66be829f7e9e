import { createCacheHandlers } from "../cache-handlers";
import { createOneAtATime } from "../one-at-a-time";
import type { WorkerHandlers } from "../worker-runtime";
import { createInterpolateHandler } from "./interpolate/interpolate-handler";
import type { RifeModels } from "./interpolate/rife-models";
import type { VideoMethods } from "./methods";
import { createGenerateHandler, createInspectHandler } from "./motion-handlers";
import type { MotionModels } from "./video-models";

/** The model caches of the video engine process. */
export interface VideoEngineModels {
  motion: MotionModels;
  rife: RifeModels;
}

/**
 * The video engine's methods, one entry per method. Heavy work runs one call at a time (each keeps
 * every core busy, and a cancelled one must unwind before the next starts).
 */
export function createVideoHandlers(models: VideoEngineModels): WorkerHandlers<VideoMethods> {
  const oneAtATime = createOneAtATime();
  const generate = createGenerateHandler(models.motion);
  const inspect = createInspectHandler(models.motion);
  const interpolate = createInterpolateHandler(models.rife);
  return {
    generate: (input, context) => oneAtATime(() => generate(input, context)),
    inspect: (input, context) => oneAtATime(() => inspect(input, context)),
    interpolate: (input, context) => oneAtATime(() => interpolate(input, context)),
    ...createCacheHandlers([models.motion, models.rife]),
  };
}
