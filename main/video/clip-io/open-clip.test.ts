import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { runFfmpeg } from "../../audio/ffmpeg";
import { collect, meanColor, PALETTE, solidFrame, testClip } from "./testing/clip-test-support";
import { exportClip } from "./export-clip";
import { encodeFramePng } from "./frame-files";
import { importClipFrames } from "./import-clip";
import { openClip } from "./open-clip";

let dir: string;
const exported: Record<"mp4" | "webm" | "webp" | "gif", string> = { mp4: "", webm: "", webp: "", gif: "" };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "atelier-open-clip-"));
  for (const format of ["mp4", "webm", "webp", "gif"] as const) {
    const { bytes } = await exportClip({ format, clip: testClip(30, 64, 48), fps: 10 });
    exported[format] = path.join(dir, `clip-without-extension-${format}`);
    await writeFile(exported[format], bytes);
  }
});

/** Lossy codecs move a solid colour by a few levels at most. */
function closeTo(color: readonly number[], expected: readonly number[]): boolean {
  return color.every((value, i) => Math.abs(value - (expected[i] ?? 0)) <= 4);
}

describe("opening clips", () => {
  it.each([
    ["mp4", 10],
    ["webm", 10],
    ["webp", 10],
    ["gif", 10],
  ] as const)("reads every frame of a %s, recognised by content, in order", async (format, fps) => {
    const clip = await openClip(exported[format]);
    expect(clip).toMatchObject({ format, width: 64, height: 48, frameCount: 30, fps });
    const frames = await collect(clip.frames());
    expect(frames).toHaveLength(30);
    frames.forEach((frame, i) => {
      expect(frame).toMatchObject({ width: 64, height: 48 });
      expect(closeTo(meanColor(frame), PALETTE[i % PALETTE.length] ?? [])).toBe(true);
    });
  });

  it("reads a folder of PNG frames in numeric order, ignoring other files", async () => {
    const folder = path.join(dir, "pngs");
    await mkdir(folder);
    for (let i = 0; i < 12; i++) await writeFile(path.join(folder, `shot${i + 1}.png`), await encodeFramePng(solidFrame(i, 40, 24)));
    await writeFile(path.join(folder, "notes.txt"), "not a frame");
    const clip = await openClip(folder);
    expect(clip).toMatchObject({ format: "png-folder", width: 40, height: 24, frameCount: 12, fps: undefined });
    const frames = await collect(clip.frames());
    expect(frames.map((frame) => meanColor(frame))).toEqual(Array.from({ length: 12 }, (_, i) => [...(PALETTE[i % PALETTE.length] ?? [])]));
  });

  it("refuses a PNG folder whose frames differ in size, naming the odd one", async () => {
    const folder = path.join(dir, "mixed");
    await mkdir(folder);
    await writeFile(path.join(folder, "a.png"), await encodeFramePng(solidFrame(0, 40, 24)));
    await writeFile(path.join(folder, "b.png"), await encodeFramePng(solidFrame(1, 24, 40)));
    const clip = await openClip(folder);
    await expect(collect(clip.frames())).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("b.png is 24×40") });
  });

  it("reads a still WebP as a one-frame clip", async () => {
    const file = path.join(dir, "still.webp");
    await sharp(solidFrame(2, 20, 10).pixels, { raw: { width: 20, height: 10, channels: 3 } }).webp({ lossless: true }).toFile(file);
    const clip = await openClip(file);
    expect(clip).toMatchObject({ format: "webp", frameCount: 1, width: 20, height: 10 });
    expect(await collect(clip.frames())).toHaveLength(1);
  });

  it("says clearly what it cannot read", async () => {
    const text = path.join(dir, "notes.mp4");
    await writeFile(text, "hello, not a video");
    await expect(openClip(text)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("not a clip Atelier can read") });
    await expect(openClip(path.join(dir, "missing.webm"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await mkdir(path.join(dir, "empty"));
    await expect(openClip(path.join(dir, "empty"))).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("no PNG frames") });
    const audioOnly = path.join(dir, "audio.mp4");
    await runFfmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=0.5", "-c:a", "aac", "-y", audioOnly]);
    await expect(openClip(audioOnly)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("no video track") });
    const truncated = path.join(dir, "truncated.webm");
    await writeFile(truncated, (await readFile(exported.webm)).subarray(0, 40));
    await expect(openClip(truncated).then((clip) => collect(clip.frames()))).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("stops decoding a video when cancelled", async () => {
    const controller = new AbortController();
    const clip = await openClip(exported.mp4);
    let seen = 0;
    const reading = (async () => {
      for await (const frame of clip.frames(controller.signal)) {
        expect(frame.width).toBe(64);
        if (++seen === 3) controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ code: "CANCELLED" });
    expect(seen).toBeLessThan(30);
  });
});

describe("importing a clip as frame files", () => {
  it("writes one PNG per frame with progress", async () => {
    const outputDir = path.join(dir, "imported");
    const progress: number[] = [];
    const imported = await importClipFrames(exported.gif, outputDir, { onProgress: (done) => progress.push(done) });
    expect(imported).toMatchObject({ format: "gif", width: 64, height: 48, fps: 10 });
    expect(imported.files).toHaveLength(30);
    expect((await readdir(outputDir)).sort()).toEqual(imported.files);
    expect(progress).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await sharp(path.join(outputDir, "frame-00029.png")).metadata()).toMatchObject({ format: "png", width: 64, height: 48 });
  });
});
