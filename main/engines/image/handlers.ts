import { mkdir } from "node:fs/promises";
import { AppError } from "../../../shared/errors";
import { createCacheHandlers } from "../cache-handlers";
import { createOneAtATime } from "../one-at-a-time";
import type { WorkerHandlers } from "../worker-runtime";
import { animate } from "./animate/animate";
import { parseAnimateInput } from "./animate/animate-schema";
import { encodePng, readRgbFile } from "./image-codec";
import type { ImageModels } from "./image-models";
import { parseGenerateInput, parseUpscaleInput } from "./input-schemas";
import type { ImageMethods, ImageRunStats } from "./methods";
import { generateImage } from "./pipeline/generate";
import { availableProviders, type OrtProvider } from "./providers";
import type { RunClock } from "./sessions";
import { upscaleImage } from "./upscale/upscale";

/** Stats of one run, from the session clock's readings before and after it. */
function runStats(provider: OrtProvider, clock: RunClock, before: { ms: number; runs: number }, startedAt: number): ImageRunStats {
  return {
    provider,
    durationMs: performance.now() - startedAt,
    sessionMs: clock.ms - before.ms,
    sessionRuns: clock.runs - before.runs,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

/**
 * The image engine's methods. Generations and upscales run one at a time: each already keeps
 * every core busy, and a cancelled one must unwind before the next starts.
 */
export function createImageHandlers(models: ImageModels): WorkerHandlers<ImageMethods> {
  const oneAtATime = createOneAtATime();
  const notCancelled = (signal: AbortSignal): void => {
    if (signal.aborted) throw new AppError("CANCELLED", "Cancelled before it started.");
  };

  return {
    generate: (rawInput, context) =>
      oneAtATime(async () => {
        const { load, ...request } = parseGenerateInput(rawInput);
        notCancelled(context.signal);
        const startedAt = performance.now();
        const pipeline = await models.acquirePipeline(load);
        try {
          const before = { ms: pipeline.clock.ms, runs: pipeline.clock.runs };
          const { image, mode } = await generateImage(pipeline, request, context);
          const png = await encodePng(image);
          return { pngBase64: png.toString("base64"), width: image.width, height: image.height, mode, stats: runStats(pipeline.provider, pipeline.clock, before, startedAt) };
        } finally {
          models.release(load.modelId);
        }
      }),
    upscale: (rawInput, context) =>
      oneAtATime(async () => {
        const { load, imagePath, tileSize, overlap } = parseUpscaleInput(rawInput);
        notCancelled(context.signal);
        const startedAt = performance.now();
        const source = await readRgbFile(imagePath);
        const upscaler = await models.acquireUpscaler(load);
        try {
          const before = { ms: upscaler.clock.ms, runs: upscaler.clock.runs };
          const { image, scale, tiles } = await upscaleImage(upscaler, source, { tileSize, overlap }, context);
          const png = await encodePng(image);
          const stats = runStats(upscaler.provider, upscaler.clock, before, startedAt);
          return { pngBase64: png.toString("base64"), width: image.width, height: image.height, scale, tiles, stats };
        } finally {
          models.release(load.modelId);
        }
      }),
    animate: (rawInput, context) =>
      oneAtATime(async () => {
        const { load, ...request } = parseAnimateInput(rawInput);
        notCancelled(context.signal);
        const startedAt = performance.now();
        await mkdir(request.outputDir, { recursive: true });
        const pipeline = await models.acquirePipeline(load);
        try {
          const before = { ms: pipeline.clock.ms, runs: pipeline.clock.runs };
          const { files, settings } = await animate(pipeline, request, context);
          const parameters = { ...settings, modelId: load.modelId, initImage: request.initImage !== undefined };
          const stats = runStats(pipeline.provider, pipeline.clock, before, startedAt);
          return { files, width: settings.width, height: settings.height, fps: settings.fps, mode: settings.mode, parameters, stats };
        } finally {
          models.release(load.modelId);
        }
      }),
    ...createCacheHandlers([models]),
    providers: async () => ({ available: availableProviders() }),
  };
}
