import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { pickModel } from "./chat-helpers";
import { IMAGE_FIXTURES } from "./image-helpers";
import type { ExtraModel } from "./installed-models";

/** The generated tiny motion pipeline (OnnxStack Locomotion layout), installed as a downloaded video model would be. */
export const TINY_MOTION: ExtraModel = {
  id: "tiny-motion",
  name: "Tiny Motion",
  family: "video",
  format: "onnx",
  source: path.join(IMAGE_FIXTURES, "video", "locomotion"),
};

/** The generated RIFE-shaped interpolator under the catalog's file name. */
export const TINY_RIFE: ExtraModel = {
  id: "tiny-rife",
  name: "Tiny RIFE",
  family: "video",
  format: "onnx",
  source: path.join(IMAGE_FIXTURES, "video", "rife"),
};

export async function openVideoPanel(page: Page): Promise<Locator> {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Video" }).click();
  return page.getByRole("form", { name: "Video settings" });
}

/** Opens the Video panel and fills the form for a small, quick clip of 64 × 64 frames. */
export async function fillVideoForm(page: Page, fields: { prompt: string; model: string; frames: string; steps: string; seed: string }): Promise<Locator> {
  const form = await openVideoPanel(page);
  await form.getByRole("textbox", { name: "Prompt", exact: true }).fill(fields.prompt);
  await pickModel(page, fields.model);
  await form.getByRole("combobox", { name: "Size" }).selectOption({ label: "Custom…" });
  await form.getByRole("textbox", { name: "Width" }).fill("64");
  await form.getByRole("textbox", { name: "Height" }).fill("64");
  await form.getByRole("textbox", { name: "Frames" }).fill(fields.frames);
  await form.getByRole("textbox", { name: "Steps" }).fill(fields.steps);
  await form.getByRole("textbox", { name: "Seed" }).fill(fields.seed);
  return form;
}

/** Waits until the job's progress bar reaches 100 %, returning every value seen on the way. */
export async function watchProgress(job: Locator, timeout = 60_000): Promise<number[]> {
  const progress = job.getByRole("progressbar");
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        const value = Number(await progress.getAttribute("aria-valuenow"));
        seen.add(value);
        return value;
      },
      { timeout, intervals: [10] },
    )
    .toBe(100);
  return [...seen];
}

/** The number of the frame the player shows, read from its canvas's name ("…: frame 3 of 16"). */
export async function shownFrame(player: Locator): Promise<number> {
  const label = (await player.getByRole("img").getAttribute("aria-label")) ?? "";
  return Number(/frame (\d+) of/.exec(label)?.[1] ?? Number.NaN);
}
