import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from "mediabunny";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { solidFrame, testClip } from "./testing/clip-test-support";
import { exportClip, type ClipExportFormat } from "./export-clip";
import { hasEncoder } from "./ffmpeg-process";
import { encodeFramePng, frameFilesStream } from "./frame-files";
import { readClipParameters } from "./read-clip-parameters";
import type { RgbFrame } from "./rgb-frame";

/** Text that trips naive writers: quotes, ffmetadata's = ; # \, XML's < & >, a newline, non-ASCII. */
const PARAMETERS = { prompt: 'a café at dusk ☕, "golden" light; #1 = best \\ <b>&</b>\nsecond line', seed: 1234, steps: 8, fps: 8 };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-export-test-"));
});

async function save(bytes: Buffer, format: ClipExportFormat): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.${format}`);
  await writeFile(file, bytes);
  return file;
}

/** What an independent demuxer (mediabunny, not ffmpeg) finds in a video file. */
async function demux(bytes: Buffer): Promise<{ container: string; codec: string | null; width: number; height: number; frames: number; duration: number }> {
  const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(bytes) });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error("no video track");
    let frames = 0;
    for await (const packet of new EncodedPacketSink(track).packets()) if (packet.data.length > 0) frames++;
    return { container: (await input.getFormat()).name, codec: track.codec, width: track.displayWidth, height: track.displayHeight, frames, duration: await input.computeDuration() };
  } finally {
    input.dispose();
  }
}

describe("exporting clips from the host", () => {
  it.each([
    ["mp4", "MP4", "avc", "h264"],
    ["webm", "WebM", "vp9", "vp9"],
  ] as const)("%s parses back with the frames, duration, codec and size that went in", async (format, container, codec, reported) => {
    const exported = await exportClip({ format, clip: testClip(20, 64, 48), fps: 8, parameters: PARAMETERS });
    expect(exported).toMatchObject({ format, codec: reported, frameCount: 20, mimeType: `video/${format}` });
    expect(await demux(exported.bytes)).toEqual({ container, codec, width: 64, height: 48, frames: 20, duration: 2.5 });
  });

  it("exports a clip kept as PNG frame files, as the library keeps clips", async () => {
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      files.push(path.join(dir, `frame-${i}.png`));
      await writeFile(files[i] ?? "", await encodeFramePng(solidFrame(i, 40, 24)));
    }
    const exported = await exportClip({ format: "webm", clip: await frameFilesStream(files), fps: 6 });
    expect(await demux(exported.bytes)).toMatchObject({ width: 40, height: 24, frames: 3, duration: 0.5 });
    await expect(frameFilesStream([])).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("finds the shipped ffmpeg's encoders by name", async () => {
    expect(await hasEncoder("libx264")).toBe(true);
    expect(await hasEncoder("libvpx")).toBe(true);
    expect(await hasEncoder("libvpx-vp9")).toBe(true);
    expect(await hasEncoder("libvpx-vp10")).toBe(false);
  });

  it("writes VP8 in WebM when asked (the fallback where ffmpeg lacks VP9)", async () => {
    const exported = await exportClip({ format: "webm", clip: testClip(5, 32, 32), fps: 10, webmCodec: "vp8" });
    expect(exported.codec).toBe("vp8");
    expect(await demux(exported.bytes)).toMatchObject({ codec: "vp8", frames: 5, duration: 0.5 });
  });

  it("pads an odd size by one pixel for 4:2:0 video", async () => {
    const exported = await exportClip({ format: "mp4", clip: testClip(3, 33, 17), fps: 12 });
    expect(await demux(exported.bytes)).toMatchObject({ width: 34, height: 18, frames: 3 });
  });

  it.each([
    ["webp", "webp", 125],
    ["gif", "gif", 120], // GIF keeps delays in hundredths of a second
  ] as const)("an animated %s decodes with sharp: pages, size, delays, looping", async (format, sharpFormat, delay) => {
    const exported = await exportClip({ format, clip: testClip(12, 64, 48), fps: 8, parameters: PARAMETERS });
    expect(exported).toMatchObject({ format, frameCount: 12, mimeType: `image/${format}` });
    const meta = await sharp(exported.bytes, { animated: true }).metadata();
    expect(meta).toMatchObject({ format: sharpFormat, width: 64, height: 48 * 12, pages: 12, pageHeight: 48, loop: 0 });
    expect(meta.delay).toEqual(Array.from({ length: 12 }, () => delay));
    const frames = await sharp(exported.bytes, { animated: true }).raw().toBuffer({ resolveWithObject: true });
    expect(frames.info).toMatchObject({ width: 64, height: 48 * 12 });
  });

  it.each(["mp4", "webm", "webp", "gif"] as const)("the parameters round-trip through %s metadata", async (format) => {
    const exported = await exportClip({ format, clip: testClip(4, 32, 32), fps: 8, parameters: PARAMETERS });
    expect(await readClipParameters(await save(exported.bytes, format))).toEqual(PARAMETERS);
  });

  it.each(["mp4", "webm", "webp", "gif"] as const)("a %s exported without parameters recalls none", async (format) => {
    const exported = await exportClip({ format, clip: testClip(2, 32, 32), fps: 8 });
    expect(await readClipParameters(await save(exported.bytes, format))).toBeUndefined();
  });

  it("refuses a frame of another size, a bad frame rate and an empty clip", async () => {
    async function* mixed(): AsyncGenerator<RgbFrame> {
      yield { pixels: new Uint8Array(32 * 32 * 3), width: 32, height: 32 };
      yield { pixels: new Uint8Array(16 * 32 * 3), width: 16, height: 32 };
    }
    for (const format of ["mp4", "gif"] as const) {
      await expect(exportClip({ format, clip: { width: 32, height: 32, frames: mixed() }, fps: 8 })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("Frame 2 is 16×32") });
    }
    await expect(exportClip({ format: "webm", clip: testClip(2, 32, 32), fps: 0 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    for (const format of ["webp", "mp4"] as const) {
      await expect(exportClip({ format, clip: testClip(0, 32, 32), fps: 8 })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("no frames") });
    }
  });

  it.each(["mp4", "webp"] as const)("stops a %s export when cancelled", async (format) => {
    const controller = new AbortController();
    const clip = testClip(400, 128, 128);
    async function* cancelling(): AsyncGenerator<RgbFrame> {
      let count = 0;
      for await (const frame of clip.frames) {
        if (++count === 5) controller.abort();
        yield frame;
      }
    }
    const started = performance.now();
    await expect(exportClip({ format, clip: { ...clip, frames: cancelling() }, fps: 8, signal: controller.signal })).rejects.toMatchObject({ code: "CANCELLED" });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
