import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { pickModel, saveConversationSettings, sendMessage } from "./chat-helpers";

test("a conversation can be renamed, exported as Markdown and JSON, and deleted after confirming", async ({ page }) => {
  await pickModel(page, "stories260K");
  await saveConversationSettings(page, { "Max tokens": "16" });
  await sendMessage(page, "A short tale");
  await expect(page.getByRole("log")).toContainText("tokens/s");

  await page.getByRole("button", { name: "Rename" }).click();
  const title = page.getByRole("textbox", { name: "Conversation title" });
  await title.fill("Bedtime stories");
  await title.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedtime stories");
  const list = page.getByRole("navigation", { name: "Conversations" });
  await expect(list.getByRole("button", { name: /Bedtime stories/ })).toBeVisible();

  const markdownDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export Markdown" }).click();
  const markdown = await markdownDownload;
  expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  expect(await readFile(await markdown.path(), "utf8")).toContain("A short tale");

  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const exported: unknown = JSON.parse(await readFile(await json.path(), "utf8"));
  expect(exported).toMatchObject({ title: "Bedtime stories" });

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this conversation?" });
  await expect(dialog).toContainText("Bedtime stories");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole("button", { name: /Bedtime stories/ })).toBeVisible();

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete conversation" }).click();
  await expect(list).toContainText("No conversations yet");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New conversation");

  await page.reload();
  await expect(page.getByRole("navigation", { name: "Conversations" })).toContainText("No conversations yet");
});

test("conversation settings refuse values out of range and say why", async ({ page }) => {
  await page.getByRole("button", { name: "Conversation settings" }).click();
  const form = page.getByRole("form", { name: "Conversation settings" });
  await form.getByLabel("Temperature").fill("5");
  await form.getByLabel("Context size").fill("ten");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "Temperature must be between 0 and 2." })).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: "Context size must be a number." })).toBeVisible();
  await expect(form.getByLabel("Temperature")).toHaveAttribute("aria-invalid", "true");
});
