import { expect, test } from "./fixtures";
import { pickModel, saveConversationSettings, sendMessage } from "./chat-helpers";
import { watchPageProblems } from "./page-problems";

test("the sections are reachable from the keyboard", async ({ page }) => {
  const sections = page.getByRole("navigation", { name: "Sections" });
  await expect(sections.getByRole("button", { name: "Chat" })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Tab");
  await expect(sections.getByRole("button", { name: "Chat" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(sections.getByRole("button", { name: "Image" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(sections.getByRole("button", { name: "Image" })).toHaveAttribute("aria-current", "page");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: "Image", level: 1 })).toBeVisible();
  await expect(main.getByRole("textbox", { name: "Prompt", exact: true })).toBeVisible();

  await sections.getByRole("button", { name: "Speech" }).click();
  await expect(main.getByRole("heading", { name: "Speech", level: 1 })).toBeVisible();
  await expect(main.getByRole("tablist", { name: "Speech tools" })).toBeVisible();

  await sections.getByRole("button", { name: "Video" }).click();
  await expect(main.getByRole("heading", { name: "Video", level: 1 })).toBeVisible();
  await expect(main.getByRole("form", { name: "Video settings" }).getByRole("button", { name: "Generate" })).toBeVisible();
});

test("the models panel lists stories260K, and the status bar shows it loaded after a reply", async ({ page }) => {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Models" }).click();
  await page.getByRole("tab", { name: "Installed" }).click();
  const row = page.getByRole("row", { name: /stories260K/ });
  await expect(row).toContainText("1.2 MB");
  await expect(row).toContainText("llama");
  await expect(row).toContainText("Not loaded");
  await expect(row.getByRole("button", { name: "Unload" })).toHaveCount(0);

  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Chat" }).click();
  await pickModel(page, "stories260K");
  await saveConversationSettings(page, { "Max tokens": "8" });
  await sendMessage(page, "Hi");
  await expect(page.getByRole("log")).toContainText("tokens/s");
  await expect(page.getByRole("contentinfo", { name: "Status" })).toContainText(/stories260K \(\d/);

  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Models" }).click();
  await expect(row).toContainText("Loaded");
  await row.getByRole("button", { name: "Unload" }).click();
  await expect(row).toContainText("Not loaded");
  await expect(page.getByRole("contentinfo", { name: "Status" })).toContainText("No models loaded");

  await row.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete this model?" }).getByRole("button", { name: "Delete model" }).click();
  await expect(page.getByRole("main")).toContainText("No models installed yet.");
});

test("settings are validated, saved, and still there after a reload", async ({ page }) => {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Settings" }).click();
  const main = page.getByRole("main");
  await expect(main.getByLabel("Threads")).toHaveValue("1");
  await main.getByLabel("Engine concurrency").fill("0");
  await main.getByRole("button", { name: "Save settings" }).click();
  await expect(main.getByRole("alert")).toHaveText("Engine concurrency must be between 1 and 8.");

  await main.getByLabel("Engine concurrency").fill("2");
  await main.getByLabel("GPU layers").selectOption({ label: "A set number" });
  await main.getByLabel("Number of GPU layers").fill("0");
  await main.getByLabel("Idle unload (minutes)").fill("5");
  await main.getByLabel("Image execution provider").selectOption({ label: "CPU" });
  await main.getByRole("button", { name: "Save settings" }).click();
  await expect(main.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

  await page.reload();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Settings" }).click();
  await expect(main.getByLabel("Engine concurrency")).toHaveValue("2");
  await expect(main.getByLabel("Number of GPU layers")).toHaveValue("0");
  await expect(main.getByLabel("Idle unload (minutes)")).toHaveValue("5");
  await expect(main.getByLabel("Image execution provider")).toHaveValue("cpu");
});

test("the page runs under its Content-Security-Policy without violations", async ({ page }) => {
  const problems = await watchPageProblems(page);
  await pickModel(page, "stories260K");
  await saveConversationSettings(page, { "Max tokens": "8" });
  await sendMessage(page, "Hi");
  await expect(page.getByRole("log")).toContainText("tokens/s");
  expect(problems).toEqual([]);
});
