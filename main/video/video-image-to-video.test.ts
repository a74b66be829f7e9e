import { rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Host } from "../host";
import { errorCodeOf, type EventLog, invoke, openTestHostWith } from "../host-test-kit";
import { installOnnxModel } from "../models/testing/install-onnx-model";
import { clipOf, installVideoModels, QUICK_CLIP } from "./testing/video-test-kit";

let host: Host;
let log: EventLog;
let initImage: string;

beforeAll(async () => {
  ({ host, log } = await openTestHostWith(async (dir) => {
    await installVideoModels(dir, ["tiny-motion"]);
    // The same pipeline without its VAE encoder: text-to-video only.
    const folder = await installOnnxModel(dir, inject("motionFixtures").locomotion, { id: "text-only-motion", name: "Text-only motion", family: "video" });
    await rm(path.join(folder, "vae_encoder"), { recursive: true });
  }));
  const png = await sharp({ create: { width: 80, height: 64, channels: 3, background: { r: 200, g: 120, b: 40 } } }).png().toBuffer();
  initImage = `data:image/png;base64,${png.toString("base64")}`;
});

afterAll(() => host.dispose());

describe("image-to-video through the router", () => {
  it("starts the clip from the init image and keeps the strength with its settings", async () => {
    const result = await clipOf(log, invoke(host, "video.generate", { ...QUICK_CLIP, initImage, strength: 0.6 }));
    const clip = await invoke(host, "video.get", { id: result.clipId });
    expect(clip).toMatchObject({ mode: "image-to-video", frameCount: 6, width: 64, height: 64 });
    expect(clip.parameters).toMatchObject({ mode: "image-to-video", strength: 0.6, seed: 11 });
  });

  it("says so before queueing when the model cannot start from an image", async () => {
    const { models } = await invoke(host, "video.models", {});
    expect(models.find((model) => model.id === "text-only-motion")?.capabilities).toEqual(["text-to-video"]);
    const jobsBefore = (await invoke(host, "jobs.list", {})).length;
    expect(await errorCodeOf(invoke(host, "video.generate", { ...QUICK_CLIP, modelId: "text-only-motion", initImage }))).toBe("MODEL_INCOMPATIBLE");
    expect((await invoke(host, "jobs.list", {})).length).toBe(jobsBefore);
    const textOnly = await clipOf(log, invoke(host, "video.generate", { ...QUICK_CLIP, modelId: "text-only-motion", frames: 2 }));
    expect(textOnly.frameCount).toBe(2);
  });

  it("refuses an init image that is not an image data: URL", async () => {
    expect(await errorCodeOf(invoke(host, "video.generate", { ...QUICK_CLIP, initImage: "data:text/plain;base64,aGk=" }))).toBe("INVALID_INPUT");
  });
});
