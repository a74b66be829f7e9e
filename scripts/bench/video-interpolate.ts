import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { createInterpolateHandler } from "../../main/engines/video/interpolate/interpolate-handler";
import { RifeModels } from "../../main/engines/video/interpolate/rife-models";
import { RIFE_FILE } from "../fixtures/rife-fixtures";
import { median } from "./bench-config";
import { ensureBenchRife, BENCH_RIFE } from "./video-bench-model";
import { writeMovingFrames } from "./video-bench-frames";

/** 9 frames of 512×512 → 8 new frames (×2) per run, one RIFE call each. */
export const RIFE_BENCH = { width: 512, height: 512, sourceFrames: 9, runs: 3 } as const;

/** The baseline: the same RIFE calls made directly on a session, with inputs ready (no PNG, padding or writing). */
async function openRawSession(folder: string): Promise<{ run(): Promise<number>; close(): Promise<void> }> {
  const session = await InferenceSession.create(path.join(folder, RIFE_FILE), { executionProviders: ["cpu"], graphOptimizationLevel: "all" });
  const { width, height, sourceFrames } = RIFE_BENCH;
  const frame = (value: number): Tensor => new Tensor("float32", new Float32Array(3 * width * height).fill(value), [1, 3, height, width]);
  const feeds = { img0: frame(0.2), img1: frame(0.7), timestep: new Tensor("float32", Float32Array.of(0.5), [1]) };
  return {
    async run() {
      const started = performance.now();
      for (let pair = 0; pair < sourceFrames - 1; pair++) await session.run(feeds);
      return performance.now() - started;
    },
    close: () => session.release(),
  };
}

/**
 * RIFE interpolation at 512×512 against its raw session.run calls: new frames per second of the
 * whole method (read PNG frames, pad, run, crop, write PNG frames durably) and of the bare calls,
 * alternating runs. In-process (the video engine runs this same handler).
 */
export async function benchRife(): Promise<void> {
  const folder = await ensureBenchRife(path.resolve(".fixtures"));
  const work = await mkdtemp(path.join(tmpdir(), "atelier-rife-bench-"));
  const models = new RifeModels(() => undefined);
  try {
    const { width, height, sourceFrames, runs } = RIFE_BENCH;
    const framePaths = await writeMovingFrames(path.join(work, "source"), sourceFrames, width, height);
    const interpolate = createInterpolateHandler(models);
    const load = { modelId: "rife-bench", modelPath: folder, provider: "cpu" as const, cache: { budgetBytes: 8e9, idleUnloadMs: 0 } };
    const context = { signal: new AbortController().signal, emit: () => undefined };
    const call = (run: number) => interpolate({ load, framePaths, factor: 2, outputDir: path.join(work, `out-${run}`) }, context);
    await call(-1); // loads the model
    const raw = await openRawSession(folder);
    await raw.run();
    const base: number[] = [];
    const full: { wallMs: number; sessionMs: number }[] = [];
    for (let run = 0; run < runs; run++) {
      base.push(await raw.run());
      const output = await call(run);
      full.push({ wallMs: output.stats.durationMs, sessionMs: output.stats.sessionMs });
    }
    await raw.close();
    const newFrames = sourceFrames - 1;
    const perSecond = (ms: number): string => ((newFrames * 1000) / ms).toFixed(2);
    const wall = median(full.map((run) => run.wallMs));
    const inside = median(full.map((run) => run.sessionMs));
    const rawMs = median(base);
    console.log(`RIFE ×2 (${width}×${height}, ${sourceFrames} frames → ${2 * sourceFrames - 1}, CPU, benchmark RIFE ${BENCH_RIFE.channels} ch × ${BENCH_RIFE.layers} layers, ${runs} runs)`);
    console.log(`  interpolate method ${perSecond(wall)} new frames/s (${wall.toFixed(0)} ms, of it inside session.run ${inside.toFixed(0)} ms)`);
    console.log(`  raw session.run ${perSecond(rawMs)} frames/s (${rawMs.toFixed(0)} ms); method / raw = ${(rawMs / wall).toFixed(3)}`);
    console.log(`  overhead in the same runs ${((wall / inside - 1) * 100).toFixed(2)} % (PNG read and write with fsync, padding, cropping)`);
  } finally {
    await models.clear();
    await rm(work, { recursive: true, force: true });
  }
}
