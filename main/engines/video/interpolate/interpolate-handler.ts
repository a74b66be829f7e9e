import { mkdir } from "node:fs/promises";
import { z } from "zod";
import { settingsSchema } from "../../../../shared/settings";
import { parseWorkerInput, absolutePathSchema } from "../../worker-input";
import type { HandlerContext } from "../../worker-runtime";
import { readFrameFiles } from "../../../video/clip-io/frame-files";
import { FrameWriter } from "../../../video/clip-io/frame-writer";
import { INTERPOLATION_FACTORS, interpolateFrames, type InterpolateProgress } from "./interpolate-frames";
import type { InterpolateInput, InterpolateOutput } from "./interpolate-method";
import type { RifeModels } from "./rife-models";

/** More would make a clip of hundreds of thousands of frames: far past anything the studio plays or exports. */
export const MAX_SOURCE_FRAMES = 10_000;

const interpolateSchema = z.object({
  load: z.object({
    modelId: z.string().min(1).max(200),
    modelPath: absolutePathSchema,
    provider: settingsSchema.shape.image.unwrap().shape.provider,
    cache: z.object({ budgetBytes: z.number().nonnegative(), idleUnloadMs: z.number().int().nonnegative() }),
  }),
  framePaths: z.array(absolutePathSchema).min(2, "interpolation needs at least two frames").max(MAX_SOURCE_FRAMES),
  factor: z.union(INTERPOLATION_FACTORS.map((factor) => z.literal(factor))),
  outputDir: absolutePathSchema,
});

const parseInterpolateInput = (value: unknown): InterpolateInput => parseWorkerInput(interpolateSchema, value, "interpolate");

/**
 * The `interpolate` method: reads the frames one by one, writes the source frames and RIFE's
 * frames between them into `outputDir` as they come (each save durable, overlapping the next model
 * call; a source PNG is copied, not re-encoded), so memory holds a few frames whatever the clip's length.
 */
export function createInterpolateHandler(models: RifeModels): (input: InterpolateInput, context: HandlerContext<InterpolateProgress>) => Promise<InterpolateOutput> {
  return async (rawInput, context) => {
    const { load, framePaths, factor, outputDir } = parseInterpolateInput(rawInput);
    const startedAt = performance.now();
    await mkdir(outputDir, { recursive: true });
    const rife = await models.acquire(load);
    const writer = new FrameWriter(outputDir);
    try {
      const before = { ms: rife.clock.ms, runs: rife.clock.runs };
      const source = { count: framePaths.length, frames: readFrameFiles(framePaths) };
      const { width, height } = await interpolateFrames(rife, source, factor, context, (frame, sourceIndex) => {
        const file = sourceIndex === undefined ? undefined : framePaths[sourceIndex];
        return file === undefined ? writer.write(frame) : writer.copyOrWrite(file, frame);
      });
      const files = await writer.finish();
      const stats = {
        provider: rife.provider,
        durationMs: performance.now() - startedAt,
        sessionMs: rife.clock.ms - before.ms,
        sessionRuns: rife.clock.runs - before.runs,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
      };
      return { files, width, height, factor, stats };
    } finally {
      await writer.settle();
      models.release(load.modelId);
    }
  };
}
