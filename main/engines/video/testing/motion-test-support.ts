import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { EngineHost } from "../../engine-host";
import { loadOf } from "../../image/testing/image-test-support";
import { startBuiltEngine, type memoryLogger } from "../../testing/engine-test-support";
import type { MotionGenerateInput, MotionGenerateOutput, MotionProgress, VideoMethods } from "../methods";

/** Test support: the built video engine process, and generate inputs for the generated motion fixtures. */

export function startVideoHost(): { host: EngineHost<VideoMethods>; logger: ReturnType<typeof memoryLogger> } {
  return startBuiltEngine<VideoMethods>("video");
}

export async function tempOutputDir(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), "atelier-clip-")), "frames");
}

/** A small, quick clip: 48×32 pixels (6×4 latents), 5 frames, 3 guided DDIM steps. */
export async function motionInput(modelPath: string, overrides: Partial<Omit<MotionGenerateInput, "load">> = {}): Promise<MotionGenerateInput> {
  return {
    load: loadOf(modelPath),
    prompt: "a paper boat drifting down a stream",
    negativePrompt: "blurry",
    frames: 5,
    fps: 8,
    width: 48,
    height: 32,
    steps: 3,
    cfgScale: 2,
    sampler: "ddim",
    seed: 7,
    strength: 0.75,
    outputDir: await tempOutputDir(),
    ...overrides,
  };
}

export interface DecodedFrame {
  pixels: Buffer;
  width: number;
  height: number;
  format: string;
}

/** The clip's frames as raw RGB, in order. */
export async function readClip(output: MotionGenerateOutput, outputDir: string): Promise<DecodedFrame[]> {
  return Promise.all(
    output.files.map(async (file) => {
      const image = sharp(path.join(outputDir, file));
      const { format } = await image.metadata();
      const { data, info } = await image.removeAlpha().raw().toBuffer({ resolveWithObject: true });
      return { pixels: data, width: info.width, height: info.height, format };
    }),
  );
}

/** Mean absolute difference of two frames' bytes (0–255). */
export function meanAbsDiff(a: Buffer, b: Buffer): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return total / a.length;
}

/** Collects the progress events of a call. */
export function progressLog(): { events: MotionProgress[]; onEvent: (event: MotionProgress) => void } {
  const events: MotionProgress[] = [];
  return { events, onEvent: (event) => events.push(event) };
}
