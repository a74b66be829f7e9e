import { expect, test } from "./fixtures";
import { openModelsTab } from "./library-helpers";

const FAMILIES = ["Text (LLM)", "Image generation", "Upscaling", "Speech to text", "Text to speech", "Voice activity detection", "Video"];

test("the catalog lists every family, and Search models and the filters narrow it", async ({ page }) => {
  const catalog = await openModelsTab(page, "Catalog");
  for (const family of FAMILIES) await expect(catalog.getByRole("heading", { level: 2, name: family, exact: true })).toBeVisible();
  const speech = catalog.getByRole("region", { name: "Speech to text" }).getByRole("article").first();
  await expect(speech.getByRole("link")).toHaveAttribute("href", /^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+/);
  await expect(speech.getByRole("button", { name: "Download" })).toBeVisible();
  await expect(speech).toContainText(/Fits on GPU|Partial GPU offload|CPU only|Too large/);
  const name = (await speech.getByRole("heading", { level: 3 }).textContent()) ?? "";
  expect(name.length).toBeGreaterThan(0);

  const search = catalog.getByRole("searchbox", { name: "Search models" });
  await search.fill(name);
  await expect(catalog.getByRole("article", { name })).toBeVisible();
  await expect(catalog.getByRole("heading", { level: 2, name: "Text (LLM)" })).toHaveCount(0);
  await search.fill("no model is called this");
  await expect(catalog.getByRole("status")).toHaveText("No models match these filters.");
  await search.fill("");

  await catalog.getByRole("combobox", { name: "Family" }).selectOption({ label: "Image generation" });
  await expect(catalog.getByRole("heading", { level: 2 })).toHaveText(["Image generation"]);
  await catalog.getByRole("combobox", { name: "Family" }).selectOption({ label: "All families" });
  await catalog.getByRole("checkbox", { name: "Installed only" }).check();
  await expect(catalog.getByRole("status")).toHaveText("No models match these filters.");
});

test("the library's tabs follow the arrow keys, Home and End", async ({ page }) => {
  await openModelsTab(page, "Catalog");
  const tabs = page.getByRole("tablist", { name: "Model library" });
  await tabs.getByRole("tab", { name: "Catalog" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "Search Hugging Face" })).toBeFocused();
  await expect(tabs.getByRole("tab", { name: "Search Hugging Face" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("searchbox", { name: "Search Hugging Face" })).toBeVisible();
  await page.keyboard.press("End");
  await expect(tabs.getByRole("tab", { name: /Downloads/ })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(tabs.getByRole("tab", { name: "Catalog" })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(tabs.getByRole("tab", { name: /Downloads/ })).toBeFocused();
  await page.keyboard.press("Home");
  await expect(tabs.getByRole("tab", { name: "Catalog" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("searchbox", { name: "Search models" })).toBeVisible();
});
