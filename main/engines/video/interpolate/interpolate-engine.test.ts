import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { encodeFramePng, readFrameFile } from "../../../video/clip-io/frame-files";
import { loadOf } from "../../image/testing/image-test-support";
import { motionInput, startVideoHost, tempOutputDir } from "../testing/motion-test-support";
import type { InterpolateInput } from "./interpolate-method";
import type { InterpolateProgress } from "./interpolate-frames";
import { blendFrame, testFrame } from "./testing/rife-test-support";

/** The real video engine process (out/main/engine-video.js): RIFE beside the motion pipelines. */
describe("video engine: interpolation", () => {
  const rife = inject("rifeFixtures");
  const motion = inject("motionFixtures");
  const { host } = startVideoHost();
  afterAll(() => host.stop());

  async function interpolateInput(framePaths: string[], factor: 2 | 4 = 2): Promise<InterpolateInput> {
    const { provider, cache } = loadOf(rife.rife);
    return { load: { modelId: "rife-4.9", modelPath: rife.rife, provider, cache }, framePaths, factor, outputDir: await tempOutputDir() };
  }

  it("doubles a generated clip to 2F − 1 frames, one RIFE call and one progress event per pair", async () => {
    const generate = await motionInput(motion.locomotion, { frames: 5 });
    const clip = await host.call("generate", generate);
    const input = await interpolateInput(clip.files.map((file) => path.join(generate.outputDir, file)));
    const events: InterpolateProgress[] = [];
    const output = await host.call("interpolate", input, { onEvent: (event) => void events.push(event) });
    expect(output.files).toHaveLength(9);
    expect(output).toMatchObject({ width: 48, height: 32, factor: 2, stats: { sessionRuns: 4 } });
    expect(events).toEqual([1, 2, 3, 4].map((step) => ({ step, total: 4 })));
    const [a, middle, b] = await Promise.all([0, 1, 2].map((i) => readFrameFile(path.join(input.outputDir, output.files[i] ?? ""))));
    if (!a || !middle || !b) throw new Error("unreachable");
    expect(middle.pixels).toEqual(blendFrame(a, b, 0.5));
    const loaded = await host.call("loaded", {});
    expect(loaded.map((model) => model.modelId)).toContain("rife-4.9");
  });

  it("cancels between pairs and then serves the next call", async () => {
    const dir = await tempOutputDir();
    await mkdir(dir, { recursive: true });
    const sources: string[] = [];
    for (let i = 0; i < 40; i++) {
      const file = path.join(dir, `source-${i}.png`);
      await writeFile(file, await encodeFramePng(testFrame(i, 256, 256)));
      sources.push(file);
    }
    const controller = new AbortController();
    const input = await interpolateInput(sources, 4);
    const call = host.call("interpolate", input, { signal: controller.signal, onEvent: (event) => event.step === 2 && controller.abort() });
    await expect(call).rejects.toMatchObject({ code: "CANCELLED" });
    expect((await readdir(input.outputDir)).length).toBeLessThan(4 * 40 - 3);
    const next = await host.call("interpolate", await interpolateInput(sources.slice(0, 2)));
    expect(next.files).toHaveLength(3);
  });

  it("answers a bad request with INVALID_INPUT", async () => {
    await expect(host.call("interpolate", { ...(await interpolateInput(["/nowhere/a.png", "/nowhere/b.png"])), factor: 3 as 2 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
