import { readFile } from "node:fs/promises";
import { ensureWhisperFixtures } from "../scripts/fixtures/whisper/whisper-fixtures";
import { expect, test } from "./fixtures";
import { FIXTURES, JFK_WAV, openSpeechTab, SPEECH_TO_TEXT_MODELS, watchProgress } from "./speech-helpers";
import { watchPageProblems } from "./page-problems";

const SRT_CUE = /^\d+\r?\n\d{2}:\d{2}:\d{2},\d{3} --> \d{2}:\d{2}:\d{2},\d{3}\r?\n.+/m;
const SPAN = /^(\d+:\d{2}\.\d) – \d+:\d{2}\.\d$/;
const EDITED = "And so, my fellow Americans";

test.describe("with Silero VAD and a tiny Whisper installed", () => {
  // An array option is given as [value, options]: Playwright would read a bare two-model array as that pair.
  test.use({ extraModels: [SPEECH_TO_TEXT_MODELS, { scope: "test" }] });
  test.beforeAll(async () => {
    await ensureWhisperFixtures(FIXTURES);
  });

  test("jfk.wav shows its waveform and speech, transcribes with progress into timed segments, and exports SRT", async ({ page }) => {
    const problems = await watchPageProblems(page);
    const panel = await openSpeechTab(page, "Transcribe");
    await panel.getByLabel("Audio file").setInputFiles(JFK_WAV);

    const clips = panel.getByRole("list", { name: "Audio clips" });
    await expect(clips.getByRole("button", { name: /^jfk\.wav/ })).toHaveAttribute("aria-current", "true");
    const waveform = panel.getByRole("group", { name: "Waveform of jfk.wav" });
    await expect(waveform.getByRole("img", { name: /^Waveform of jfk\.wav, 11 s$/ })).toBeVisible();
    // Silero finds JFK's speech from about 0.3 s; the regions are drawn over the waveform.
    const regions = waveform.getByRole("img", { name: /^Speech from / });
    await expect(regions.first()).toBeVisible();
    await expect(regions.first()).toHaveAccessibleName(/^Speech from 0:00\.[0-9] – /);
    await expect(panel.getByRole("slider", { name: "Zoom" })).toBeEnabled();

    const settings = panel.getByRole("form", { name: "Transcription settings" });
    await expect(settings.getByRole("combobox", { name: "Model" })).toHaveValue("whisper-tiny.en");
    // An English-only model locks the language.
    await expect(settings.getByRole("combobox", { name: "Language" })).toHaveValue("en");
    await expect(settings.getByRole("combobox", { name: "Language" })).toBeDisabled();
    await settings.getByRole("button", { name: "Transcribe" }).click();

    const seen = await watchProgress(settings.getByRole("progressbar"), 60_000);
    expect(seen.some((value) => value < 100), `progress seen: ${seen.join(", ")}`).toBe(true);
    await expect(settings).toContainText(/Window \d+ of \d+/);
    await expect(settings).toContainText("Done");
    await expect(settings.getByRole("button", { name: "Cancel" })).toHaveCount(0);

    const segments = panel.getByRole("list", { name: "Transcript segments" }).getByRole("listitem");
    await expect(segments.first()).toBeVisible();
    const count = await segments.count();
    for (let index = 0; index < count; index += 1) {
      await expect(segments.nth(index).getByRole("button")).toHaveText(SPAN);
    }

    // Clicking a segment's time seeks there, and that segment becomes the current one.
    const last = segments.nth(count - 1);
    const start = SPAN.exec((await last.getByRole("button").textContent()) ?? "")?.[1] ?? "";
    await last.getByRole("button").click();
    await expect(panel.getByRole("timer", { name: "Playback position" })).toHaveText(new RegExp(`^${start} /`));
    await expect(last).toHaveAttribute("aria-current", "true");

    // An edit is saved by itself once typing pauses, and is what the export holds.
    await segments.first().getByRole("textbox", { name: "Segment 1 text" }).fill(EDITED);
    await expect(panel.getByRole("status").filter({ hasText: "All edits saved" })).toBeVisible();
    await panel.getByRole("combobox", { name: "Export format" }).selectOption({ label: "Subtitles (SRT)" });
    const download = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Export" }).click();
    const srt = await download;
    expect(srt.suggestedFilename()).toMatch(/\.srt$/);
    const content = await readFile(await srt.path(), "utf8");
    expect(content).toMatch(SRT_CUE);
    expect(content).toContain(EDITED);
    expect(problems).toEqual([]);

    // The clip, its transcript and the edit are kept.
    await page.reload();
    const again = await openSpeechTab(page, "Transcribe");
    await again.getByRole("list", { name: "Audio clips" }).getByRole("button", { name: /^jfk\.wav/ }).click();
    await expect(again.getByRole("textbox", { name: "Segment 1 text" })).toHaveValue(EDITED);
  });
});

test("a file that is not audio is refused in words", async ({ page }) => {
  const panel = await openSpeechTab(page, "Transcribe");
  await panel.getByLabel("Audio file").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(panel.getByRole("alert")).toContainText("“notes.txt” is not an audio file Atelier can read");
  await expect(panel.getByRole("list", { name: "Audio clips" }).getByRole("listitem")).toHaveCount(0);
});
