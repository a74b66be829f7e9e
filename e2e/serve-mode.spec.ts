import { expect, test } from "./fixtures";
import { pickModel, sendMessage } from "./chat-helpers";

// Serve mode only (the desktop bridge cannot drop): playwright.electron.config.ts leaves this file out.

test("when the server goes away the page says so, and a message typed then is kept", async ({ page, stopHost }) => {
  await pickModel(page, "stories260K");
  await expect(page.getByRole("contentinfo", { name: "Status" })).toContainText("Connected");
  await stopHost();

  await expect(page.getByRole("alert").filter({ hasText: "Disconnected — reconnecting" })).toBeVisible();
  await expect(page.getByRole("contentinfo", { name: "Status" })).toContainText("Reconnecting");
  await sendMessage(page, "Are you there?");
  await expect(page.getByRole("alert").filter({ hasText: "Not connected to Atelier" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("Are you there?");
});
