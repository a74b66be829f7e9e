import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CLIP_EXPORT_FORMATS, exportClip } from "../../main/video/clip-io/export-clip";
import { frameFilesStream } from "../../main/video/clip-io/frame-files";
import { median } from "./bench-config";
import { writeMovingFrames } from "./video-bench-frames";

/** A 16-frame 512×512 clip at 8 fps, kept as PNG frame files as the library keeps clips. */
export const EXPORT_BENCH = { width: 512, height: 512, frames: 16, fps: 8, runs: 3 } as const;

/** Export frames per second for each format from the host alone (PNG frames in, file bytes out), with the file size. */
export async function benchVideoExport(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), "atelier-export-bench-"));
  try {
    const { width, height, frames, fps, runs } = EXPORT_BENCH;
    const files = await writeMovingFrames(work, frames, width, height);
    const parameters = { prompt: "benchmark clip", seed: 1, fps };
    console.log(`Clip export (${frames} frames of ${width}×${height} at ${fps} fps from PNG frames, median of ${runs} runs)`);
    for (const format of CLIP_EXPORT_FORMATS) {
      const times: number[] = [];
      let size = 0;
      let codec = "";
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const exported = await exportClip({ format, clip: await frameFilesStream(files), fps, parameters });
        times.push(performance.now() - started);
        size = exported.bytes.length;
        codec = exported.codec;
      }
      const ms = median(times);
      console.log(`  ${format.padEnd(5)} (${codec}) ${((frames * 1000) / ms).toFixed(1)} frames/s, ${ms.toFixed(0)} ms, ${(size / 1024).toFixed(0)} KiB`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
