import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { startTestHub, type TestHub } from "../scripts/hub-server/test-hub";
import { STORIES_MODEL, type ExtraSettings } from "./data-dir";
import { test as base } from "./fixtures";

export const HUB_OWNER = "atelier-test";
export const SMALL = { repo: `${HUB_OWNER}/tiny-stories-GGUF`, file: "tiny-stories-Q8_0.gguf", name: "tiny-stories-Q8_0" };
export const GATED = { repo: `${HUB_OWNER}/gated-model-GGUF`, file: "gated-model-Q8_0.gguf", name: "gated-model-Q8_0" };
export const LARGE = { repo: `${HUB_OWNER}/large-model-GGUF`, file: "large-model-Q4_K_M.gguf", name: "large-model-Q4_K_M" };
/** Slow enough that progress is visible for seconds: stories260K (1.2 MB) takes about 6 s. */
export const THROTTLE_BYTES_PER_SECOND = 200_000;

/** The app, pointed at a local test hub holding a copy of stories260K and a larger generated model. */
export const test = base.extend<{ hub: TestHub; extraSettings: ExtraSettings }>({
  hub: async ({}, use) => {
    const hub = await startTestHub({ bytesPerSecond: THROTTLE_BYTES_PER_SECOND });
    await hub.createRepo(SMALL.repo, { files: [{ path: SMALL.file, content: await readFile(STORIES_MODEL) }, { path: "README.md", content: "# Tiny stories\n" }] });
    await hub.createRepo(LARGE.repo, { files: [{ path: LARGE.file, size: 24_000_000, gguf: true }] });
    await hub.createRepo(GATED.repo, { gated: true, files: [{ path: GATED.file, size: 1000, seed: 3 }] });
    await use(hub);
    await hub.close();
  },
  extraSettings: async ({ hub }, use) => use({ hub: { endpoint: hub.url } }),
});

export async function openModelsTab(page: Page, tab: string | RegExp): Promise<Locator> {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Models" }).click();
  await page.getByRole("tablist", { name: "Model library" }).getByRole("tab", { name: tab }).click();
  return page.getByRole("tabpanel", { name: tab });
}

/** Searches the hub and starts downloading one file of one result. */
export async function downloadFromHub(page: Page, repo: string, file: string): Promise<void> {
  const panel = await openModelsTab(page, "Search Hugging Face");
  await panel.getByRole("searchbox", { name: "Search Hugging Face" }).fill(HUB_OWNER);
  await panel.getByRole("button", { name: "Search", exact: true }).click();
  const result = panel.getByRole("list", { name: "Search results" }).getByRole("listitem", { name: repo });
  await result.getByRole("button", { name: "Show files" }).click();
  await result.getByRole("row", { name: new RegExp(file) }).getByRole("button", { name: "Download" }).click();
}

export async function progressOf(item: Locator): Promise<number> {
  return Number(await item.getByRole("progressbar").getAttribute("aria-valuenow"));
}

/** Every file under the data dir whose name contains `fragment`: partial downloads must not survive a cancel. */
export async function filesNamed(dir: string, fragment: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.includes(fragment)).map((entry) => path.join(entry.parentPath, entry.name));
}

export { expect };
