import { expect, test } from "./fixtures";
import { expectStreaming, pickModel, saveConversationSettings, sendMessage } from "./chat-helpers";

const PROMPT = "Tell me a story about a cat.";

test("a reply streams, stops, regenerates into a second version, and is there after a reload", async ({ page }) => {
  await pickModel(page, "stories260K");
  // Many tokens, so the reply is still being written when Stop is pressed.
  await saveConversationSettings(page, { "System prompt": "You tell short stories.", "Max tokens": "20000" });
  await sendMessage(page, PROMPT);

  const log = page.getByRole("log");
  await expect(log).toContainText(PROMPT);
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("");
  await expectStreaming(page);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(log).toContainText("Stopped before the end.");
  await expect(page.getByRole("button", { name: "Stop" })).toBeDisabled();
  const opening = log.getByRole("article", { name: "Reply" }).getByRole("paragraph").first();
  const firstOpening = (await opening.textContent()) ?? "";
  expect(firstOpening.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Regenerate" }).click();
  const versions = log.getByRole("group", { name: "Versions of this reply" });
  await expect(versions).toContainText("2/2");
  await expectStreaming(page);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByRole("button", { name: "Regenerate" })).toBeEnabled();

  await versions.getByRole("button", { name: "Previous version of this reply" }).click();
  await expect(versions).toContainText("1/2");
  await expect(opening).toHaveText(firstOpening);

  await page.reload();
  const conversations = page.getByRole("navigation", { name: "Conversations" });
  await conversations.getByRole("button", { name: new RegExp(PROMPT.slice(0, 20)) }).click();
  await expect(log).toContainText(PROMPT);
  await expect(log.getByRole("group", { name: "Versions of this reply" })).toContainText("1/2");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Tell me a story");

  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Queue" }).click();
  const jobs = page.getByRole("list", { name: "Jobs" }).getByRole("listitem");
  await expect(jobs).toHaveCount(2);
  await expect(jobs.first()).toContainText("Cancelled");
  await expect(jobs.first().getByRole("progressbar")).toHaveAttribute("aria-valuenow", /\d+/);
});

test("sending with no model chosen says so and keeps the message", async ({ page }) => {
  await sendMessage(page, "Hello there");
  await expect(page.getByRole("alert")).toContainText("Choose a model");
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("Hello there");
  await expect(page.getByRole("navigation", { name: "Conversations" })).toContainText("No conversations yet");
});

test("Enter sends, a finished reply shows its stats, and an edit re-runs into a new branch", async ({ page }) => {
  await pickModel(page, "stories260K");
  await saveConversationSettings(page, { "Max tokens": "24", Seed: "7", Temperature: "0" });
  const message = page.getByRole("textbox", { name: "Message" });
  await message.fill("Once upon a time");
  await message.press("Enter");
  const log = page.getByRole("log");
  await expect(log).toContainText("tokens/s");
  await expect(log).toContainText(/\d+ prompt \+ \d+ reply tokens/);

  await log.getByRole("button", { name: "Edit" }).click();
  await log.getByRole("textbox", { name: "Edited text" }).fill("There was a dog");
  await log.getByRole("button", { name: "Save and rerun" }).click();
  await expect(log.getByRole("group", { name: "Versions of this message" })).toContainText("2/2");
  await expect(log).toContainText("There was a dog");
  await expect(log).not.toContainText("Once upon a time");
  await expect(log.getByText("tokens/s")).toBeVisible();
});
