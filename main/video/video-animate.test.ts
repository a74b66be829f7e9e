import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestOf } from "../../shared/contract";
import type { Host } from "../host";
import { errorCodeOf, type EventLog, invoke, openTestHostWith } from "../host-test-kit";
import { clipOf, installVideoModels } from "./testing/video-test-kit";

let host: Host;
let log: EventLog;

beforeAll(async () => {
  ({ host, log } = await openTestHostWith((dir) => installVideoModels(dir, ["tiny-sd", "tiny-motion"])));
});

afterAll(() => host.dispose());

/** Prompt travel on the tiny Stable Diffusion fixture: 5 frames of 64×64, 2 steps each. */
const TRAVEL: RequestOf<"video.animate"> = {
  modelId: "tiny-sd",
  mode: "travel",
  keyframes: [
    { frame: 0, prompt: "a lighthouse at dawn" },
    { frame: 4, prompt: "a red fox in the snow" },
  ],
  negativePrompt: "blurry",
  frames: 5,
  fps: 6,
  width: 64,
  height: 64,
  steps: 2,
  cfgScale: 5,
  sampler: "euler",
  seed: 3,
};

const frameUrls = async (clipId: string, count: number) =>
  Promise.all(Array.from({ length: count }, async (_, index) => (await invoke(host, "video.frame", { id: clipId, index })).dataUrl));

describe("keyframe animation with a Stable Diffusion model", () => {
  it("travels between the keyframes' prompts as a job on the image engine, and keeps the clip with its keyframes", async () => {
    const { jobId } = await invoke(host, "video.animate", TRAVEL);
    const result = await clipOf(log, Promise.resolve({ jobId }));
    expect(result).toMatchObject({ frameCount: 5, width: 64, height: 64, fps: 6 });
    expect(await log.finalJob(jobId)).toMatchObject({ kind: "video.animate", engine: "image", title: "Animate · a lighthouse at dawn", progress: { fraction: 1 } });
    const messages = log.of("job.updated").flatMap((job) => (job.id === jobId && job.progress.message ? [job.progress.message] : []));
    expect(messages).toContain("Frame 5 of 5");

    const clip = await invoke(host, "video.get", { id: result.clipId });
    expect(clip).toMatchObject({ name: "a lighthouse at dawn → a red fox in the snow", mode: "keyframe-travel" });
    expect(clip.parameters).toEqual({
      mode: "keyframe-travel", prompt: "a lighthouse at dawn", negativePrompt: "blurry", modelId: "tiny-sd", modelName: "Tiny SD",
      frames: 5, fps: 6, width: 64, height: 64, steps: 2, cfgScale: 5, sampler: "euler", seed: 3,
      strength: 0.45, seedIncrement: 0, border: "reflect", keyframes: TRAVEL.keyframes,
    });
    const frames = await frameUrls(clip.id, 5);
    expect(new Set(frames).size).toBe(5);
  });

  it("repeats the same frames for the same seed", async () => {
    const first = (await invoke(host, "video.list", {})).items[0];
    const again = await clipOf(log, invoke(host, "video.animate", TRAVEL));
    expect(await frameUrls(again.clipId, 5)).toEqual(await frameUrls(first?.id ?? "", 5));
  });

  it("feeds each frame back through the keyframed camera move, which the clip's settings keep", async () => {
    const keyframes = [
      { frame: 0, prompt: "a canyon", camera: { zoom: 1.1, panX: 2, panY: 0, rotate: 3 } },
      { frame: 3, prompt: "a canyon at night", camera: { zoom: 1, panX: 0, panY: -2, rotate: 0 }, strength: 0.6 },
    ];
    const result = await clipOf(log, invoke(host, "video.animate", { ...TRAVEL, mode: "feedback", keyframes, frames: 4, seed: 8 }));
    const clip = await invoke(host, "video.get", { id: result.clipId });
    expect(clip.mode).toBe("keyframe-feedback");
    expect(clip.parameters).toMatchObject({ mode: "keyframe-feedback", keyframes, seed: 8, frames: 4 });
    expect(new Set(await frameUrls(clip.id, 4)).size).toBe(4);
  });

  it("refuses motion models and keyframes on the same frame", async () => {
    expect(await errorCodeOf(invoke(host, "video.animate", { ...TRAVEL, modelId: "tiny-motion" }))).toBe("MODEL_INCOMPATIBLE");
    const twice = [{ frame: 2, prompt: "a" }, { frame: 2, prompt: "b" }];
    expect(await errorCodeOf(invoke(host, "video.animate", { ...TRAVEL, keyframes: twice }))).toBe("INVALID_INPUT");
  });
});
