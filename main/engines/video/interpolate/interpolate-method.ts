import type { ImageRunStats } from "../../image/methods";
import type { EngineMethod } from "../../protocol";
import type { InterpolateProgress, InterpolationFactor } from "./interpolate-frames";
import type { RifeLoad } from "./rife-models";

export interface InterpolateInput {
  load: RifeLoad;
  /** The clip's frames (PNG files, any size, all the same), in order. */
  framePaths: string[];
  factor: InterpolationFactor;
  /** An absolute folder the host chose; the frames are written there as frame-00000.png, frame-00001.png, … */
  outputDir: string;
}

export interface InterpolateOutput {
  /** File names inside outputDir, in order: (F − 1)·factor + 1 of them. */
  files: string[];
  width: number;
  height: number;
  factor: InterpolationFactor;
  /** provider, wall time, time inside session.run and its call count (F − 1 per intermediate time), peak RSS. */
  stats: ImageRunStats;
}

/** The video engine's `interpolate` method (RIFE ×2 / ×4); progress once per pair of source frames. */
export type InterpolateMethod = EngineMethod<InterpolateInput, InterpolateOutput, InterpolateProgress>;
