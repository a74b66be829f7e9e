import { expect, type Page } from "@playwright/test";

/** Picks the model whose option names it, the way a person reads the menu. */
export async function pickModel(page: Page, name: string): Promise<void> {
  const option = page.getByRole("option", { name: new RegExp(name) });
  const label = (await option.textContent()) ?? "";
  await page.getByRole("combobox", { name: "Model" }).selectOption({ label });
}

/** Opens "Conversation settings", changes the given fields, saves. */
export async function saveConversationSettings(page: Page, fields: Record<string, string>): Promise<void> {
  const toggle = page.getByRole("button", { name: "Conversation settings" });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  const form = page.getByRole("form", { name: "Conversation settings" });
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByRole("status")).toHaveText(/Saved/);
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

/** Waits until the log's text has grown past what it was while a reply is still being written. */
export async function expectStreaming(page: Page): Promise<void> {
  const log = page.getByRole("log");
  const stop = page.getByRole("button", { name: "Stop" });
  await expect(stop).toBeEnabled();
  const before = ((await log.textContent()) ?? "").length;
  await expect.poll(async () => ((await log.textContent()) ?? "").length, { timeout: 10_000, intervals: [50] }).toBeGreaterThan(before + 20);
  await expect(stop).toBeEnabled();
}
