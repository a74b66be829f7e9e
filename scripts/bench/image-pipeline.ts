import path from "node:path";
import { memoryLogger } from "../../main/engines/testing/engine-test-support";
import { EngineHost } from "../../main/engines/engine-host";
import type { ImageGenerateOutput, ImageMethods } from "../../main/engines/image/methods";
import { createNodeLauncher } from "../../main/engines/node-launcher";
import { ensureBenchPipeline } from "./image-bench-model";
import { IMAGE_BENCH, openRawSessions } from "./image-raw-sessions";
import { median } from "./bench-config";

interface PipelineRun {
  wallMs: number;
  output: ImageGenerateOutput;
}

/** The whole image stack: the built engine process, called through EngineHost as the image service calls it. */
async function openEngine(folder: string): Promise<{ run(): Promise<PipelineRun>; close(): Promise<void> }> {
  const logger = memoryLogger();
  const host = new EngineHost<ImageMethods>({ engine: "image", launcher: createNodeLauncher(path.resolve("out/main"), logger), logger });
  const input = {
    load: { modelId: "sd-bench", modelPath: folder, provider: "cpu" as const, cache: { budgetBytes: 8e9, idleUnloadMs: 0 } },
    prompt: "a lighthouse on a cliff at dawn, highly detailed",
    negativePrompt: "blurry",
    width: IMAGE_BENCH.width,
    height: IMAGE_BENCH.height,
    steps: IMAGE_BENCH.steps,
    cfgScale: IMAGE_BENCH.cfgScale,
    sampler: "euler_a" as const,
    seed: 1,
    strength: 1,
  };
  return {
    async run() {
      const started = performance.now();
      const output = await host.call("generate", input, { onEvent: () => undefined });
      return { wallMs: performance.now() - started, output };
    },
    close: () => host.stop(),
  };
}

/**
 * The image pipeline's overhead over the raw session.run calls it consists of (target ≤ 3 %), and the
 * engine process's peak memory for a 512×512 generation. Two measures of the overhead:
 * - in the same runs: the call's wall time (host side: IPC, validation, tokenizer, scheduler, previews,
 *   VAE output conversion, PNG) against the time the engine spent inside session.run;
 * - as a cross-check, against the same session.run calls made directly in this process, alternating with
 *   the pipeline runs (best of N on each side); on a shared machine this swings with the load.
 */
export async function benchImagePipeline(): Promise<void> {
  const folder = await ensureBenchPipeline(path.resolve(".fixtures"));
  const engine = await openEngine(folder);
  const first = await engine.run(); // loads the pipeline: its peak RSS includes loading
  const raw = await openRawSessions(folder);
  await raw.run();
  const base: number[] = [];
  const full: PipelineRun[] = [];
  for (let i = 0; i < IMAGE_BENCH.runs; i++) {
    base.push(await raw.run());
    full.push(await engine.run());
  }
  await raw.close();
  await engine.close();

  const inRuns = full.map((run) => run.wallMs / run.output.stats.sessionMs - 1);
  const inRun = median(inRuns);
  const wallMs = median(full.map((run) => run.wallMs));
  const insideMs = median(full.map((run) => run.output.stats.sessionMs));
  const bestBase = Math.min(...base);
  const bestFull = Math.min(...full.map((run) => run.wallMs));
  const vsBaseline = bestFull / bestBase - 1;
  const peakMiB = Math.max(...[first, ...full].map((run) => run.output.stats.peakRssBytes)) / 2 ** 20;
  const { width, height, steps, runs } = IMAGE_BENCH;
  const verdict = (value: number) => (value <= 0.03 ? "PASS" : "MISS");
  const percent = (value: number) => `${(value * 100).toFixed(2)} %`;
  console.log(`Image (${width}×${height}, ${steps} steps, Euler a, CFG batched, CPU, benchmark UNet, ${runs} runs)`);
  console.log(`  pipeline call ${wallMs.toFixed(0)} ms, of it inside session.run ${insideMs.toFixed(0)} ms (medians)`);
  console.log(`  overhead in the same runs ${percent(inRun)} median, ${percent(Math.min(...inRuns))} best (target <= 3 %) ${verdict(inRun)}`);
  // Two processes' session runs differ by machine load more than by the pipeline: a cross-check, not the measure.
  console.log(`  cross-check, best of ${runs}: raw session.run calls here ${bestBase.toFixed(0)} ms, pipeline ${bestFull.toFixed(0)} ms (${percent(vsBaseline)})`);
  console.log(`  engine peak memory (RSS) ${peakMiB.toFixed(0)} MiB for a ${width}×${height} generation`);
}
