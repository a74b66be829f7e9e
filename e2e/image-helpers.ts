import path from "node:path";
import type { Page } from "@playwright/test";
import { pickModel } from "./chat-helpers";
import { REPO_ROOT } from "./data-dir";
import type { ExtraModel } from "./installed-models";

export const IMAGE_FIXTURES = path.join(REPO_ROOT, ".fixtures");

/** The generated tiny SD 1.5 pipeline, installed as a downloaded image model would be. */
export const TINY_SD: ExtraModel = {
  id: "tiny-sd",
  name: "Tiny SD",
  family: "image",
  format: "onnx",
  source: path.join(IMAGE_FIXTURES, "image", "sd15"),
};

/** Opens the Image panel and fills the form for a small, quick image with Tiny SD. */
export async function fillImageForm(page: Page, fields: { prompt: string; steps: string; seed: string }): Promise<void> {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Image" }).click();
  const form = page.getByRole("form", { name: "Image settings" });
  await form.getByRole("textbox", { name: "Prompt", exact: true }).fill(fields.prompt);
  await pickModel(page, TINY_SD.name);
  await form.getByRole("combobox", { name: "Size" }).selectOption({ label: "Custom…" });
  await form.getByRole("textbox", { name: "Width" }).fill("64");
  await form.getByRole("textbox", { name: "Height" }).fill("64");
  await form.getByRole("textbox", { name: "Steps" }).fill(fields.steps);
  await form.getByRole("textbox", { name: "Seed" }).fill(fields.seed);
}
