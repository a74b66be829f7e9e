import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encodeFramePng, readFrameFile } from "../../../video/clip-io/frame-files";
import { createInterpolateHandler } from "./interpolate-handler";
import type { InterpolateInput } from "./interpolate-method";
import { RifeModels } from "./rife-models";
import { blendFrame, progressCollector, testFrame } from "./testing/rife-test-support";

const fixtures = inject("rifeFixtures");
const logs: string[] = [];
const models = new RifeModels((level, message) => void logs.push(`${level}: ${message}`));
const interpolate = createInterpolateHandler(models);
let dir: string;
let sources: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-interpolate-"));
  sources = [];
  for (let i = 0; i < 4; i++) {
    const file = path.join(dir, `source-${i}.png`);
    await writeFile(file, await encodeFramePng(testFrame(i, 48, 40)));
    sources.push(file);
  }
});
afterAll(() => models.clear());

function input(overrides: Partial<InterpolateInput> = {}): InterpolateInput {
  return {
    load: { modelId: "rife-4.9", modelPath: fixtures.rife, provider: "cpu", cache: { budgetBytes: 1e9, idleUnloadMs: 0 } },
    framePaths: sources,
    factor: 2,
    outputDir: path.join(dir, `out-${Math.random().toString(36).slice(2)}`),
    ...overrides,
  };
}

describe("the interpolate method", () => {
  it("writes 2F − 1 PNG frames with RIFE's between the originals, one model call per pair", async () => {
    const request = input();
    const context = progressCollector();
    const output = await interpolate(request, context);
    expect(output).toMatchObject({ width: 48, height: 40, factor: 2, stats: { provider: "cpu", sessionRuns: 3 } });
    expect(output.files).toEqual(["frame-00000.png", "frame-00001.png", "frame-00002.png", "frame-00003.png", "frame-00004.png", "frame-00005.png", "frame-00006.png"]);
    expect((await readdir(request.outputDir)).sort()).toEqual(output.files);
    expect(context.events.map((event) => event.step)).toEqual([1, 2, 3]);
    const middle = await readFrameFile(path.join(request.outputDir, "frame-00003.png"));
    expect(middle.pixels).toEqual(blendFrame(testFrame(1, 48, 40), testFrame(2, 48, 40), 0.5));
    expect((await readFrameFile(path.join(request.outputDir, "frame-00004.png"))).pixels).toEqual(testFrame(2, 48, 40).pixels);
    // Source PNGs are copied as they are, not decoded and encoded again.
    expect(await readFile(path.join(request.outputDir, "frame-00006.png"))).toEqual(await readFile(sources[3] ?? ""));
    expect(await sharp(path.join(request.outputDir, "frame-00001.png")).metadata()).toMatchObject({ format: "png", width: 48, height: 40 });
  });

  it("keeps the model loaded between calls and reports it idle afterwards", async () => {
    const output = await interpolate(input({ factor: 4 }), progressCollector());
    expect(output.files).toHaveLength(4 * 4 - 3);
    expect(output.stats.sessionRuns).toBe(9);
    expect(models.loaded()).toMatchObject([{ modelId: "rife-4.9", engine: "video", inUse: false }]);
    expect(logs.filter((line) => line.includes("Loaded interpolator"))).toHaveLength(1);
  });

  it("stops when cancelled and releases the model", async () => {
    const controller = new AbortController();
    const context = progressCollector(controller.signal);
    context.emit = () => controller.abort();
    const request = input();
    await expect(interpolate(request, context)).rejects.toMatchObject({ code: "CANCELLED" });
    expect(await readdir(request.outputDir)).toHaveLength(3);
    expect(models.loaded()).toMatchObject([{ inUse: false }]);
  });

  it("refuses bad requests with INVALID_INPUT before loading anything", async () => {
    await expect(interpolate(input({ factor: 3 as 2 }), progressCollector())).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("factor") });
    await expect(interpolate(input({ framePaths: ["frame.png", "next.png"] }), progressCollector())).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("absolute") });
    await expect(interpolate(input({ framePaths: sources.slice(0, 1) }), progressCollector())).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("two frames") });
  });

  it("names a frame that cannot be read", async () => {
    const broken = path.join(dir, "broken.png");
    await writeFile(broken, "not a png");
    await expect(interpolate(input({ framePaths: [sources[0] ?? "", broken] }), progressCollector())).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining(broken) });
    expect(models.loaded()).toMatchObject([{ inUse: false }]);
  });
});
