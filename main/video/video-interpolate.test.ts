import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Host } from "../host";
import { errorCodeOf, type EventLog, invoke, openTestHostWith } from "../host-test-kit";
import { clipOf, installVideoModels, QUICK_CLIP } from "./testing/video-test-kit";

let host: Host;
let log: EventLog;

beforeAll(async () => {
  ({ host, log } = await openTestHostWith((dir) => installVideoModels(dir, ["tiny-motion", "tiny-rife"])));
});

afterAll(() => host.dispose());

describe("interpolating clips with RIFE", () => {
  it("makes a new clip of 2F − 1 frames at twice the rate, the source frames kept between the new ones", async () => {
    const source = await clipOf(log, invoke(host, "video.generate", QUICK_CLIP));
    const { jobId } = await invoke(host, "video.interpolate", { clipId: source.clipId, factor: 2 });
    const result = await clipOf(log, Promise.resolve({ jobId }));
    expect(result).toMatchObject({ frameCount: 11, width: 64, height: 64, fps: 16 });
    const job = await log.finalJob(jobId);
    expect(job).toMatchObject({ kind: "video.interpolate", engine: "video", title: "Interpolate ×2 · a paper boat on a stream", progress: { step: 5, total: 5 } });

    const clip = await invoke(host, "video.get", { id: result.clipId });
    const original = await invoke(host, "video.get", { id: source.clipId });
    expect(clip).toMatchObject({ name: "a paper boat on a stream ×2", mode: "text-to-video", sourceClipId: source.clipId, durationSeconds: 11 / 16 });
    expect(clip.parameters).toEqual({ ...original.parameters, interpolation: { factor: 2, modelId: "tiny-rife", modelName: "Tiny RIFE" } });
    for (let index = 0; index < 6; index++) {
      const kept = await invoke(host, "video.frame", { id: clip.id, index: index * 2 });
      expect(kept.dataUrl, `frame ${index}`).toBe((await invoke(host, "video.frame", { id: source.clipId, index })).dataUrl);
    }
  });

  it("×4 on an interpolated clip gives 4F − 3 frames and notes the factor so far", async () => {
    const twice = (await invoke(host, "video.list", {})).items[0];
    const result = await clipOf(log, invoke(host, "video.interpolate", { clipId: twice?.id ?? "", factor: 4, modelId: "tiny-rife" }));
    expect(result).toMatchObject({ frameCount: 41, fps: 64 });
    expect((await invoke(host, "video.get", { id: result.clipId })).parameters?.interpolation).toEqual({ factor: 8, modelId: "tiny-rife", modelName: "Tiny RIFE" });
  });

  it("refuses a one-frame clip and a model that is not an interpolator", async () => {
    const single = await clipOf(log, invoke(host, "video.generate", { ...QUICK_CLIP, frames: 1 }));
    expect(await errorCodeOf(invoke(host, "video.interpolate", { clipId: single.clipId, factor: 2 }))).toBe("INVALID_INPUT");
    const clipId = (await invoke(host, "video.list", {})).items[1]?.id ?? "";
    expect(await errorCodeOf(invoke(host, "video.interpolate", { clipId, factor: 2, modelId: "tiny-motion" }))).toBe("MODEL_INCOMPATIBLE");
  });
});

describe("interpolating without a RIFE model", () => {
  it("says which model to download", async () => {
    const rig = await openTestHostWith((dir) => installVideoModels(dir, ["tiny-motion"]));
    try {
      const source = await clipOf(rig.log, invoke(rig.host, "video.generate", { ...QUICK_CLIP, frames: 2 }));
      const error = invoke(rig.host, "video.interpolate", { clipId: source.clipId, factor: 2 });
      await expect(error).rejects.toMatchObject({ code: "MODEL_NOT_INSTALLED", message: expect.stringContaining("RIFE") });
    } finally {
      await rig.host.dispose();
    }
  });
});
