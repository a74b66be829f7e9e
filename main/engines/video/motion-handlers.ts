import { mkdir } from "node:fs/promises";
import { AppError } from "../../../shared/errors";
import type { HandlerContext } from "../worker-runtime";
import { parseGenerateInput, parseInspectInput } from "./input-schemas";
import type { MotionGenerateInput, MotionGenerateOutput, MotionModelInfo, MotionProgress, VideoModelLoad } from "./methods";
import { describeMotionPipeline } from "./motion/load-motion";
import { generateClip } from "./pipeline/generate-clip";
import type { MotionModels } from "./video-models";

type Handler<Input, Output, Event> = (input: Input, context: HandlerContext<Event>) => Promise<Output>;

/** The `generate` method: one clip from a motion pipeline, its frames written into the host's outputDir. */
export function createGenerateHandler(models: MotionModels): Handler<MotionGenerateInput, MotionGenerateOutput, MotionProgress> {
  return async (rawInput, context) => {
    const { load, initImage, outputDir, ...settings } = parseGenerateInput(rawInput);
    if (context.signal.aborted) throw new AppError("CANCELLED", "Cancelled before it started.");
    const startedAt = performance.now();
    await mkdir(outputDir, { recursive: true });
    const pipeline = await models.acquire(load);
    try {
      const before = { ms: pipeline.clock.ms, runs: pipeline.clock.runs };
      const clip = await generateClip(pipeline, { ...settings, ...(initImage ? { initImage } : {}), outputDir }, context);
      return {
        files: clip.files,
        width: settings.width,
        height: settings.height,
        fps: settings.fps,
        mode: clip.mode,
        parameters: { ...settings, contextOverlap: clip.contextOverlap, modelId: load.modelId },
        contextSize: clip.contextSize,
        windows: clip.windows,
        stats: {
          provider: pipeline.provider,
          durationMs: performance.now() - startedAt,
          sessionMs: pipeline.clock.ms - before.ms,
          sessionRuns: pipeline.clock.runs - before.runs,
          peakRssBytes: process.resourceUsage().maxRSS * 1024,
        },
      };
    } finally {
      models.release(load.modelId);
    }
  };
}

/** The `inspect` method: loads the model (it stays cached for the next generate) and says what it can do. */
export function createInspectHandler(models: MotionModels): Handler<{ load: VideoModelLoad }, MotionModelInfo, never> {
  return async (rawInput) => {
    const { load } = parseInspectInput(rawInput);
    const pipeline = await models.acquire(load);
    try {
      return describeMotionPipeline(pipeline);
    } finally {
      models.release(load.modelId);
    }
  };
}
