import { expect, test } from "./fixtures";
import { openSpeechTab } from "./speech-helpers";

test("Record captures the microphone with the time shown, and keeps the recording as a clip", async ({ page }) => {
  const panel = await openSpeechTab(page, "Transcribe");
  await panel.getByRole("button", { name: "Record" }).click();
  const elapsed = panel.getByRole("timer", { name: "Time recorded" });
  await expect(elapsed).toHaveText("0:00");
  await expect(elapsed).toHaveText("0:02", { timeout: 10_000 });
  await panel.getByRole("button", { name: "Stop recording" }).click();
  await expect(elapsed).toHaveCount(0);

  const clip = panel.getByRole("list", { name: "Audio clips" }).getByRole("button", { name: /^Recording \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/ });
  await expect(clip).toHaveAttribute("aria-current", "true");
  await expect(clip).toContainText(/Recording · \d\.\d s/);
  await expect(panel.getByRole("img", { name: /^Waveform of Recording .*, \d\.\d s$/ })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Play" })).toBeEnabled();
});
