import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { InferenceSession, Tensor } from "onnxruntime-node";
import { startBuiltEngine } from "../../main/engines/testing/engine-test-support";
import type { VideoMethods } from "../../main/engines/video/methods";
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
 * video engine's interpolate method, called through EngineHost as the host calls it (read PNG
 * frames, pad, run, crop, write PNG frames durably) and of the bare calls, alternating runs.
 */
export async function benchRife(): Promise<void> {
  const folder = await ensureBenchRife(path.resolve(".fixtures"));
  const work = await mkdtemp(path.join(tmpdir(), "atelier-rife-bench-"));
  const { host } = startBuiltEngine<VideoMethods>("video");
  try {
    const { width, height, sourceFrames, runs } = RIFE_BENCH;
    const framePaths = await writeMovingFrames(path.join(work, "source"), sourceFrames, width, height);
    const load = { modelId: "rife-bench", modelPath: folder, provider: "cpu" as const, cache: { budgetBytes: 8e9, idleUnloadMs: 0 } };
    const call = async (run: number) => {
      const started = performance.now();
      const output = await host.call("interpolate", { load, framePaths, factor: 2, outputDir: path.join(work, `out-${run}`) }, { onEvent: () => undefined });
      return { wallMs: performance.now() - started, sessionMs: output.stats.sessionMs };
    };
    await call(-1); // loads the model
    const raw = await openRawSession(folder);
    await raw.run();
    const base: number[] = [];
    const full: { wallMs: number; sessionMs: number }[] = [];
    for (let run = 0; run < runs; run++) {
      base.push(await raw.run());
      full.push(await call(run));
    }
    await raw.close();
    const newFrames = sourceFrames - 1;
    const perSecond = (ms: number): string => ((newFrames * 1000) / ms).toFixed(2);
    const wall = median(full.map((run) => run.wallMs));
    const inside = median(full.map((run) => run.sessionMs));
    const rawMs = median(base);
    console.log(`RIFE ×2 (${width}×${height}, ${sourceFrames} frames → ${2 * sourceFrames - 1}, CPU, benchmark RIFE ${BENCH_RIFE.channels} ch × ${BENCH_RIFE.layers} layers, ${runs} runs)`);
    console.log(`  interpolate through the engine process ${perSecond(wall)} new frames/s (${wall.toFixed(0)} ms, of it inside session.run ${inside.toFixed(0)} ms)`);
    console.log(`  raw session.run ${perSecond(rawMs)} frames/s (${rawMs.toFixed(0)} ms); method / raw = ${(rawMs / wall).toFixed(3)}`);
    console.log(`  overhead in the same runs ${((wall / inside - 1) * 100).toFixed(2)} %, ${((wall - inside) / newFrames).toFixed(1)} ms per new frame (PNG read and write with fsync, padding, cropping, IPC)`);
  } finally {
    await host.stop();
    await rm(work, { recursive: true, force: true });
  }
}
