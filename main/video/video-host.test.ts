import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Host } from "../host";
import { addModel, errorCodeOf, type EventLog, invoke, openTestHost, openTestHostWith, STORIES_GGUF } from "../host-test-kit";
import { clipOf, dataUrlBytes, installVideoModels, QUICK_CLIP } from "./testing/video-test-kit";

let dataDir: string;
let host: Host;
let log: EventLog;

beforeAll(async () => {
  ({ host, log, dataDir } = await openTestHostWith(async (dir) => {
    await installVideoModels(dir, ["tiny-motion", "tiny-rife", "tiny-sd"]);
    await addModel(dir, STORIES_GGUF);
  }));
});

afterAll(() => host.dispose());

const videosDir = () => path.join(dataDir, "library", "videos");

describe("video studio through the router", () => {
  it("lists the models the Video panel can use, each with what it can do", async () => {
    const { models } = await invoke(host, "video.models", {});
    expect(models.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: "tiny-motion", name: "Tiny Locomotion", kind: "motion", capabilities: ["text-to-video", "image-to-video"] },
      { id: "tiny-rife", name: "Tiny RIFE", kind: "interpolation", capabilities: ["interpolation"] },
      { id: "tiny-sd", name: "Tiny SD", kind: "image", capabilities: ["keyframe-animation"] },
    ]);
  });

  it("recognises a motion pipeline imported from disk (Locomotion layout) as a motion model the Video panel lists", async () => {
    const model = await invoke(host, "models.import", { path: inject("motionFixtures").locomotion, mode: "link", name: "Imported motion" });
    expect(model).toMatchObject({ family: "video", format: "onnx", imported: "link" });
    const { models } = await invoke(host, "video.models", {});
    expect(models).toContainEqual({ id: model.id, name: "Imported motion", kind: "motion", capabilities: ["text-to-video", "image-to-video"] });
    await invoke(host, "models.delete", { id: model.id });
  });

  it("generates a clip as a job with step progress and previews, and keeps it in the library with its parameters", async () => {
    const { jobId } = await invoke(host, "video.generate", QUICK_CLIP);
    const job = await log.finalJob(jobId);
    expect(job).toMatchObject({ status: "succeeded", kind: "video.generate", engine: "video", title: "Video · a paper boat on a stream", progress: { fraction: 1 } });
    const running = log.of("job.updated").filter((update) => update.id === jobId && update.status === "running" && update.progress.message);
    expect(running.some((update) => update.progress.message?.startsWith("Step "))).toBe(true);
    expect(running.some((update) => update.progress.preview?.startsWith("data:image/png;base64,"))).toBe(true);

    const result = await clipOf(log, Promise.resolve({ jobId }));
    expect(result).toMatchObject({ frameCount: 6, width: 64, height: 64, fps: 8 });
    const clip = await invoke(host, "video.get", { id: result.clipId });
    expect(clip).toMatchObject({ kind: "clip", name: "a paper boat on a stream", mode: "text-to-video", frameCount: 6, width: 64, height: 64, fps: 8, durationSeconds: 0.75, exports: [], jobId });
    expect(clip.parameters).toEqual({
      mode: "text-to-video", prompt: "a paper boat on a stream", negativePrompt: "blurry", modelId: "tiny-motion", modelName: "Tiny Locomotion",
      frames: 6, fps: 8, width: 64, height: 64, steps: 2, cfgScale: 1, sampler: "lcm", seed: 11, contextOverlap: 4,
    });
    expect((await invoke(host, "video.list", {})).items).toEqual([clip]);
    expect(log.of("clip.changed")).toContainEqual({ item: clip });
    expect((await readdir(path.join(videosDir(), clip.id))).sort()).toEqual([
      "clip.json", "frame-00000.png", "frame-00001.png", "frame-00002.png", "frame-00003.png", "frame-00004.png", "frame-00005.png", "thumb.webp",
    ]);
  });

  it("serves every frame as a PNG data URL and the thumbnail as WebP; refuses frames past the end", async () => {
    const clip = (await invoke(host, "video.list", {})).items[0];
    const id = clip?.id ?? "";
    const last = await invoke(host, "video.frame", { id, index: 5 });
    expect(last).toMatchObject({ index: 5, frameCount: 6 });
    expect(await sharp(dataUrlBytes(last.dataUrl)).metadata()).toMatchObject({ format: "png", width: 64, height: 64 });
    const thumbnail = await invoke(host, "video.frame", { id, variant: "thumbnail" });
    expect(thumbnail.dataUrl).toMatch(/^data:image\/webp;base64,/);
    expect(await errorCodeOf(invoke(host, "video.frame", { id, index: 6 }))).toBe("INVALID_INPUT");
    expect(await errorCodeOf(invoke(host, "video.frame", { id: "clip-missing" }))).toBe("NOT_FOUND");
  });

  it("gives the same frames for the same seed, and draws a seed when none is given", async () => {
    const first = (await invoke(host, "video.list", {})).items[0];
    const again = await clipOf(log, invoke(host, "video.generate", QUICK_CLIP));
    for (const index of [0, 5]) {
      const a = await invoke(host, "video.frame", { id: first?.id ?? "", index });
      const b = await invoke(host, "video.frame", { id: again.clipId, index });
      expect(b.dataUrl).toBe(a.dataUrl);
    }
    const random = await clipOf(log, invoke(host, "video.generate", { ...QUICK_CLIP, seed: null, frames: 2 }));
    const seed = (await invoke(host, "video.get", { id: random.clipId })).parameters?.seed;
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(random.frameCount).toBe(2);
  });

  it("refuses models that cannot make videos, and bad sizes, before any job starts", async () => {
    const jobsBefore = (await invoke(host, "jobs.list", {})).length;
    expect(await errorCodeOf(invoke(host, "video.generate", { ...QUICK_CLIP, modelId: "nope" }))).toBe("NOT_FOUND");
    for (const modelId of ["stories260k", "tiny-sd", "tiny-rife"]) {
      expect(await errorCodeOf(invoke(host, "video.generate", { ...QUICK_CLIP, modelId }))).toBe("MODEL_INCOMPATIBLE");
    }
    expect(await errorCodeOf(invoke(host, "video.generate", { ...QUICK_CLIP, width: 60 }))).toBe("INVALID_INPUT");
    expect(await errorCodeOf(invoke(host, "video.generate", { ...QUICK_CLIP, steps: 51 }))).toBe("INVALID_INPUT");
    expect(await errorCodeOf(invoke(host, "video.interpolate", { clipId: "clip-missing", factor: 2 }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "video.animate", { modelId: "tiny-motion", keyframes: [{ frame: 0, prompt: "x" }] }))).toBe("MODEL_INCOMPATIBLE");
    expect(await errorCodeOf(invoke(host, "video.animate", { modelId: "tiny-sd", keyframes: [] }))).toBe("INVALID_INPUT");
    expect((await invoke(host, "jobs.list", {})).length).toBe(jobsBefore);
  });

  it("keeps the clips across a restart (dropping a crashed one's partial frames), and deletes one whole", async () => {
    const before = await invoke(host, "video.list", {});
    expect(before.total).toBe(3);
    await host.dispose();
    // What a crash mid-clip leaves: frames in .partial/, never listed, removed at the next start.
    await mkdir(path.join(videosDir(), ".partial", "clip-crashed"), { recursive: true });
    await writeFile(path.join(videosDir(), ".partial", "clip-crashed", "frame-00000.png"), "partial");
    host = await openTestHost(dataDir);
    expect(await invoke(host, "video.list", {})).toEqual(before);
    expect(await readdir(videosDir())).not.toContain(".partial");
    const victim = before.items[1]?.id ?? "";
    expect(await invoke(host, "video.reveal", { id: victim })).toEqual({ path: path.join(videosDir(), victim), revealed: false });
    expect(await invoke(host, "video.delete", { id: victim })).toEqual({ deleted: true });
    expect(await readdir(videosDir())).not.toContain(victim);
    expect(await errorCodeOf(invoke(host, "video.get", { id: victim }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "video.delete", { id: victim }))).toBe("NOT_FOUND");
    expect((await invoke(host, "video.list", {})).total).toBe(2);
  });
});
