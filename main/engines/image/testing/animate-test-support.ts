import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AnimateInput, AnimateOutput } from "../animate/animate-types";
import { decodePng, loadOf } from "./image-test-support";

/** Test support for the image engine's `animate` method on the generated Stable Diffusion fixtures. */

export async function freshOutputDir(): Promise<string> {
  return path.join(await mkdtemp(path.join(tmpdir(), "atelier-animate-")), "frames");
}

export async function animateInput(modelPath: string, overrides: Partial<Omit<AnimateInput, "load">> = {}): Promise<AnimateInput> {
  return {
    load: loadOf(modelPath),
    mode: "prompt-travel",
    keyframes: [
      { frame: 0, prompt: "a lighthouse on a cliff at dawn", seed: 5 },
      { frame: 4, prompt: "a red fox in the snow", seed: 9 },
    ],
    frames: 5,
    negativePrompt: "blurry",
    width: 64,
    height: 48,
    steps: 3,
    cfgScale: 7,
    sampler: "euler_a",
    seed: 1,
    outputDir: await freshOutputDir(),
    ...overrides,
  };
}

/** The frames an animate call wrote, as PNG bytes in order. */
export async function readFrames(input: Pick<AnimateInput, "outputDir">, output: Pick<AnimateOutput, "files">): Promise<Buffer[]> {
  return Promise.all(output.files.map((name) => readFile(path.join(input.outputDir, name))));
}

/** A written frame's raw RGB. */
export async function framePixels(input: Pick<AnimateInput, "outputDir">, name: string | undefined): Promise<Buffer> {
  if (!name) throw new Error("no such frame");
  return (await decodePng((await readFile(path.join(input.outputDir, name))).toString("base64"))).pixels;
}
