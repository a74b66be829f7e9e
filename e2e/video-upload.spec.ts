import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportClip } from "../main/video/clip-io/export-clip";
import type { RgbFrame } from "../main/video/clip-io/rgb-frame";
import { expect, test } from "./fixtures";
import { openVideoPanel } from "./video-helpers";

/** 512×512 noise that H.264 cannot squeeze: 50 frames make an MP4 past the WebSocket's 8 MiB frame limit. */
async function noisyMp4(count: number): Promise<Buffer> {
  async function* noise(): AsyncGenerator<RgbFrame> {
    for (let i = 0; i < count; i++) yield { pixels: new Uint8Array(randomBytes(512 * 512 * 3)), width: 512, height: 512 };
  }
  return (await exportClip({ format: "mp4", clip: { width: 512, height: 512, frames: noise() }, fps: 8 })).bytes;
}

test("a clip file larger than 8 MiB picked in the browser is uploaded and imported", async ({ page }) => {
  const bytes = await noisyMp4(50);
  expect(bytes.length).toBeGreaterThan(8 * 1024 * 1024);
  const file = path.join(await mkdtemp(path.join(tmpdir(), "atelier-e2e-upload-")), "noise.mp4");
  await writeFile(file, bytes);

  await openVideoPanel(page);
  await page.getByLabel("Clip file to import").setInputFiles(file);
  const tile = page.getByRole("list", { name: "Clips" }).getByRole("button", { name: /^noise, 50 frames/ });
  await expect(tile).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "“noise.mp4” carries no Atelier settings, so it is imported as a clip." })).toBeVisible();
});
