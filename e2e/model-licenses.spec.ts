import { readFile } from "node:fs/promises";
import { STORIES_MODEL } from "./data-dir";
import { expect, HUB_OWNER, openModelsTab, test } from "./library-helpers";

const NON_COMMERCIAL = { repo: `${HUB_OWNER}/nc-stories-GGUF`, file: "nc-stories-Q8_0.gguf" };

test("a catalog card shows its license beside Download, and a license with conditions stands out", async ({ page }) => {
  const catalog = await openModelsTab(page, "Catalog");
  const cards = catalog.getByRole("article");
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) await expect(card.locator(".card-actions")).toContainText(/License: \S+/);

  const turbo = catalog.getByRole("article", { name: "SD-Turbo" });
  await expect(turbo).toContainText("License: stabilityai-ai-community");
  await expect(turbo.getByText("License with conditions", { exact: true })).toBeVisible();
  await expect(turbo).toContainText("below US$1M in annual revenue");
  await expect(turbo.getByRole("button", { name: "Download" })).toHaveAccessibleDescription(/SD-Turbo.*License: stabilityai-ai-community.*License with conditions/);

  const open = catalog.getByRole("article", { name: /Whisper/ }).first();
  await expect(open).toContainText("License: mit");
  await expect(open.locator(".license-badge")).toHaveCount(0);
});

test("a non-commercial model on Hugging Face carries a badge beside every Download", async ({ page, hub }) => {
  await hub.createRepo(NON_COMMERCIAL.repo, { license: "cc-by-nc-4.0", files: [{ path: NON_COMMERCIAL.file, content: await readFile(STORIES_MODEL) }] });
  const panel = await openModelsTab(page, "Search Hugging Face");
  await panel.getByRole("searchbox", { name: "Search Hugging Face" }).fill("nc-stories");
  await panel.getByRole("button", { name: "Search", exact: true }).click();
  const result = panel.getByRole("list", { name: "Search results" }).getByRole("listitem", { name: NON_COMMERCIAL.repo });
  await expect(result.getByText("Non-commercial license", { exact: true })).toBeVisible();
  await result.getByRole("button", { name: "Show files" }).click();
  const row = result.getByRole("row", { name: new RegExp(NON_COMMERCIAL.file) });
  await expect(row.getByText("Non-commercial license", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Download" })).toHaveAccessibleDescription(/License: cc-by-nc-4\.0.*Non-commercial license/);
});
