import { downloadFromHub, expect, filesNamed, GATED, LARGE, openModelsTab, progressOf, SMALL, test } from "./library-helpers";

test("a model downloads from the hub with visible progress, pauses, resumes, installs and is deleted; another is cancelled", async ({
  page,
  dataDir,
}) => {
  await downloadFromHub(page, SMALL.repo, SMALL.file);
  const downloadsTab = page.getByRole("tab", { name: /Downloads/ });
  await expect(downloadsTab).toContainText("1 active");

  const downloads = await openModelsTab(page, /Downloads/);
  const small = downloads.getByRole("listitem", { name: SMALL.name });
  await expect(small).toContainText("Downloading");
  await expect.poll(() => progressOf(small), { intervals: [100] }).toBeGreaterThan(0);
  const before = await progressOf(small);
  await expect.poll(() => progressOf(small), { intervals: [100] }).toBeGreaterThan(before);
  await expect(small).toContainText(/\/s · /);

  await small.getByRole("button", { name: "Pause" }).click();
  await expect(small).toContainText("Paused");
  const paused = await progressOf(small);
  expect(paused).toBeLessThan(100);
  await page.waitForTimeout(1000);
  expect(await progressOf(small)).toBe(paused);

  await small.getByRole("button", { name: "Resume" }).click();
  await expect(small).toContainText("Installed", { timeout: 30_000 });
  expect(await progressOf(small)).toBe(100);

  await downloadFromHub(page, LARGE.repo, LARGE.file);
  await openModelsTab(page, /Downloads/);
  const large = downloads.getByRole("listitem", { name: LARGE.name });
  await expect.poll(() => progressOf(large), { intervals: [100] }).toBeGreaterThan(0);
  await expect.poll(() => filesNamed(dataDir, "large-model")).not.toEqual([]);
  await large.getByRole("button", { name: "Cancel" }).click();
  await expect(large).toContainText("Cancelled");
  await expect(large.getByRole("button", { name: "Resume" })).toHaveCount(0);
  await expect.poll(() => filesNamed(dataDir, "large-model")).toEqual([]);
  await expect(downloadsTab).not.toContainText("active");

  const installed = await openModelsTab(page, "Installed");
  const row = installed.getByRole("row", { name: new RegExp(SMALL.name) });
  await expect(row).toContainText(`Downloaded from ${SMALL.repo}`);
  expect(await filesNamed(dataDir, SMALL.file)).not.toEqual([]);
  await expect(installed.getByRole("row", { name: new RegExp(LARGE.name) })).toHaveCount(0);
  await row.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this model?" });
  await expect(dialog).toContainText(SMALL.name);
  await dialog.getByRole("button", { name: "Delete model" }).click();
  await expect(row).toHaveCount(0);
  await expect.poll(() => filesNamed(dataDir, SMALL.file)).toEqual([]);

  await page.getByRole("tab", { name: /Downloads/ }).click();
  await downloads.getByRole("button", { name: "Clear finished" }).click();
  await expect(downloads.getByRole("listitem")).toHaveCount(0);
});

test("a gated model fails with advice, the token is saved but never shown, and the settings point at the test hub", async ({
  page,
  hub,
}) => {
  await downloadFromHub(page, GATED.repo, GATED.file);
  const downloads = await openModelsTab(page, /Downloads/);
  const gated = downloads.getByRole("listitem", { name: GATED.name });
  await expect(gated).toContainText("Failed");
  await expect(gated).toContainText(/license/i);
  await expect(gated.getByRole("button", { name: "Retry" })).toBeVisible();

  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Settings" }).click();
  const main = page.getByRole("main");
  await expect(main.getByRole("textbox", { name: "Hugging Face endpoint" })).toHaveValue(hub.url);
  const token = main.getByLabel("Access token", { exact: true });
  await expect(token).toHaveAttribute("type", "password");
  await token.fill("hf_secret_e2e");
  await main.getByRole("button", { name: "Save token" }).click();
  await expect(main.getByRole("status").filter({ hasText: "A token is set" })).toBeVisible();
  await expect(token).toHaveValue("");
  await expect(main).not.toContainText("hf_secret_e2e");
  await main.getByRole("button", { name: "Remove token" }).click();
  await expect(main.getByRole("status").filter({ hasText: "No token is set" })).toBeVisible();

  const search = await openModelsTab(page, "Search Hugging Face");
  await search.getByRole("searchbox", { name: "Search Hugging Face" }).fill("");
  await search.getByRole("button", { name: "Search", exact: true }).click();
  await expect(search.getByRole("alert")).toHaveText("Type what to look for, such as a model name.");
});
