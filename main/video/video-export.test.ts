import { readFile } from "node:fs/promises";
import path from "node:path";
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from "mediabunny";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportJobResultSchema, type ClipFormat, type ClipItem } from "../../shared/video";
import type { Host } from "../host";
import { errorCodeOf, type EventLog, invoke, openTestHostWith } from "../host-test-kit";
import { clipOf, dataUrlBytes, installVideoModels, QUICK_CLIP } from "./testing/video-test-kit";

let dataDir: string;
let host: Host;
let log: EventLog;
let clip: ClipItem;

beforeAll(async () => {
  ({ host, log, dataDir } = await openTestHostWith((dir) => installVideoModels(dir, ["tiny-motion"])));
  const made = await clipOf(log, invoke(host, "video.generate", { ...QUICK_CLIP, prompt: "a café at dusk ☕, \"golden\" light" }));
  clip = await invoke(host, "video.get", { id: made.clipId });
});

afterAll(() => host.dispose());

/** Frames, codec and size as an independent demuxer (mediabunny, not the ffmpeg that wrote it) sees them. */
async function demux(bytes: Buffer): Promise<{ codec: string | null; width: number; height: number; frames: number; duration: number }> {
  const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(bytes) });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error("no video track");
    let frames = 0;
    for await (const packet of new EncodedPacketSink(track).packets()) if (packet.data.length > 0) frames++;
    return { codec: track.codec, width: track.displayWidth, height: track.displayHeight, frames, duration: await input.computeDuration() };
  } finally {
    input.dispose();
  }
}

async function exported(format: ClipFormat) {
  const { jobId } = await invoke(host, "video.export", { clipId: clip.id, format });
  const job = await log.finalJob(jobId);
  expect(job).toMatchObject({ status: "succeeded", kind: "video.export", engine: "video" });
  return exportJobResultSchema.parse(job.result);
}

describe("exporting clips and reading their settings back", () => {
  it.each([
    ["mp4", "video/mp4", ["avc"]],
    ["webm", "video/webm", ["vp9", "vp8"]],
  ] as const)("%s: a job writes the file beside the clip; it parses back with every frame and the clip's size", async (format, mimeType, codecs) => {
    const result = await exported(format);
    expect(result).toMatchObject({ clipId: clip.id, format, mimeType, file: `clip.${format}`, frameCount: 6, fps: 8, filename: `a-caf-at-dusk-golden-light.${format}` });
    expect(result.path).toBe(path.join(dataDir, "library", "videos", clip.id, `clip.${format}`));
    const download = await invoke(host, "video.download", { clipId: clip.id, format });
    expect(download).toMatchObject({ filename: result.filename, mimeType });
    const bytes = dataUrlBytes(download.dataUrl);
    expect(bytes.equals(await readFile(result.path))).toBe(true);
    const parsed = await demux(bytes);
    expect(parsed).toMatchObject({ width: 64, height: 64, frames: 6, duration: 0.75 });
    expect(codecs).toContain(parsed.codec);
    expect(await invoke(host, "video.recall", { dataUrl: download.dataUrl })).toEqual({ parameters: clip.parameters });
  });

  it.each(["webp", "gif"] as const)("%s: an animation sharp decodes frame by frame, carrying the parameters", async (format) => {
    const result = await exported(format);
    expect(result).toMatchObject({ format, mimeType: `image/${format}`, frameCount: 6 });
    const meta = await sharp(result.path, { animated: true }).metadata();
    expect(meta).toMatchObject({ format, width: 64, pages: 6, pageHeight: 64 });
    expect(await invoke(host, "video.recall", { path: result.path })).toEqual({ parameters: clip.parameters });
  });

  it("lists each format's latest export on the clip, and reveals one", async () => {
    const exports = (await invoke(host, "video.get", { id: clip.id })).exports;
    expect(exports.map((each) => each.format).sort()).toEqual(["gif", "mp4", "webm", "webp"]);
    const again = await exported("gif");
    const now = (await invoke(host, "video.get", { id: clip.id })).exports;
    expect(now.filter((each) => each.format === "gif")).toEqual([{ format: "gif", file: "clip.gif", mimeType: "image/gif", codec: "gif", sizeBytes: again.sizeBytes, fps: 8, createdAt: again.createdAt }]);
    expect(log.of("clip.changed").filter((event) => event.item?.id === clip.id).length).toBeGreaterThanOrEqual(5);
    expect(await invoke(host, "video.reveal", { id: clip.id, format: "webm" })).toEqual({ path: path.join(dataDir, "library", "videos", clip.id, "clip.webm"), revealed: false });
  });

  it("imports an exported file as a clip that keeps its settings", async () => {
    const { dataUrl } = await invoke(host, "video.download", { clipId: clip.id, format: "webm" });
    const imported = await clipOf(log, invoke(host, "video.import", { name: "Dropped clip", dataUrl }));
    expect(imported).toMatchObject({ frameCount: 6, width: 64, height: 64, fps: 8 });
    const item = await invoke(host, "video.get", { id: imported.clipId });
    expect(item).toMatchObject({ name: "Dropped clip", mode: "import", parameters: clip.parameters });
  });

  it("imports PNG frames, which carry no settings, and refuses what is not a clip", async () => {
    const frames = await Promise.all([0, 2, 4].map(async (index) => (await invoke(host, "video.frame", { id: clip.id, index })).dataUrl));
    const imported = await clipOf(log, invoke(host, "video.import", { name: "Three frames", frames, fps: 4 }));
    expect(imported).toMatchObject({ frameCount: 3, fps: 4 });
    expect((await invoke(host, "video.get", { id: imported.clipId })).parameters).toBeNull();
    const first = await invoke(host, "video.frame", { id: imported.clipId, index: 1 });
    expect(await sharp(dataUrlBytes(first.dataUrl)).raw().toBuffer()).toEqual(await sharp(dataUrlBytes(frames[1] ?? "")).raw().toBuffer());

    const { jobId } = await invoke(host, "video.import", { path: path.join(dataDir, "settings.json") });
    expect(await log.finalJob(jobId)).toMatchObject({ status: "failed", error: { code: "INVALID_INPUT" } });
    expect(await errorCodeOf(invoke(host, "video.recall", { path: path.join(dataDir, "nope.mp4") }))).toBe("NOT_FOUND");
    const plain = await invoke(host, "video.export", { clipId: imported.clipId, format: "gif" });
    const result = exportJobResultSchema.parse((await log.finalJob(plain.jobId)).result);
    expect(await invoke(host, "video.recall", { path: result.path })).toEqual({ parameters: null });
  });

  it("answers NOT_FOUND for a format never exported or a clip that is gone", async () => {
    const fresh = await clipOf(log, invoke(host, "video.generate", { ...QUICK_CLIP, frames: 2 }));
    expect(await errorCodeOf(invoke(host, "video.download", { clipId: fresh.clipId, format: "mp4" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "video.export", { clipId: "clip-gone", format: "mp4" }))).toBe("NOT_FOUND");
  });
});
