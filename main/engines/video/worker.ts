import { runWorker } from "../worker-runtime";
import { createVideoHandlers, type VideoEngineModels } from "./handlers";
import { RifeModels } from "./interpolate/rife-models";
import type { VideoMethods } from "./methods";
import { MotionModels } from "./video-models";

/** Entry of the video engine process (built to out/main/engine-video.js). */
const log = (level: "info" | "warn" | "error", message: string): void => worker.log(level, message);
const models: VideoEngineModels = { motion: new MotionModels(log), rife: new RifeModels(log) };
const worker = runWorker<VideoMethods>(createVideoHandlers(models), {
  dispose: async () => void (await Promise.all(Object.values(models).map((holder) => holder.clear()))),
});
