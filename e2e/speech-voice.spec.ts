import { ensureTtsFixtures } from "../scripts/fixtures/tts-fixtures";
import { expect, test } from "./fixtures";
import { FIXTURES, openSpeechTab, PIPER_VOICE, watchProgress } from "./speech-helpers";
import { watchPageProblems } from "./page-problems";

const TEXT = "The lighthouse keeper lit the lamp at dusk. Ships passed safely through the night.";

test.describe("with a tiny Piper voice installed", () => {
  test.use({ extraModels: [PIPER_VOICE] });
  test.beforeAll(async () => {
    await ensureTtsFixtures(FIXTURES);
  });

  test("a sentence is spoken sentence by sentence and kept as a playable clip", async ({ page }) => {
    const problems = await watchPageProblems(page);
    const panel = await openSpeechTab(page, "Speak");
    const form = panel.getByRole("form", { name: "Speech settings" });
    await form.getByRole("textbox", { name: "Text to speak" }).fill(TEXT);
    const voice = form.getByRole("combobox", { name: "Voice" });
    const label = (await form.getByRole("option", { name: /Tiny Piper voice/ }).textContent()) ?? "";
    expect(label).toMatch(/English/);
    await voice.selectOption({ label });
    await form.getByRole("button", { name: "Speak" }).click();

    // The first sentence plays as soon as it exists, while the job goes on.
    const [seen] = await Promise.all([
      watchProgress(panel.getByRole("progressbar"), 60_000),
      expect(panel.getByRole("status").filter({ hasText: "Playing sentence 1 of 2" })).toBeVisible(),
    ]);
    expect(seen.some((value) => value < 100), `progress seen: ${seen.join(", ")}`).toBe(true);
    await expect(panel).toContainText("Sentence 2 of 2");
    await expect(panel).toContainText("Done — kept in the library");

    const clips = panel.getByRole("list", { name: "Generated clips" });
    const clip = clips.getByRole("listitem").filter({ hasText: TEXT });
    await expect(clip).toHaveCount(1);
    await expect(clip).toContainText("Tiny Piper voice");
    await clip.getByRole("button", { name: "Play" }).click();
    // The length comes from the browser's own audio element, so the clip really decodes.
    const position = clip.getByRole("timer", { name: "Playback position" });
    await expect(position).toHaveText(/ \/ \d+:\d{2}\.\d$/);
    await expect(position).not.toHaveText(/ \/ 0:00\.0$/);
    await expect(clip.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByRole("alert")).toHaveCount(0);

    const download = page.waitForEvent("download");
    await clip.getByRole("button", { name: "Download" }).click();
    expect((await download).suggestedFilename()).toMatch(/^the-lighthouse-keeper.*\.wav$/);
    expect(problems).toEqual([]);
  });
});

test("without a voice the Speak tab points to the catalog", async ({ page }) => {
  const panel = await openSpeechTab(page, "Speak");
  await expect(panel).toContainText("No voices installed yet");
  await expect(panel.getByRole("button", { name: "Open the model catalog" })).toBeVisible();
});
