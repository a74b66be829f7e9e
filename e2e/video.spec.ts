import { readFile } from "node:fs/promises";
import { ensureImageFixtures } from "../scripts/fixtures/image-fixtures";
import { ensureMotionFixtures } from "../scripts/fixtures/motion-fixtures";
import { ensureRifeFixtures } from "../scripts/fixtures/rife-fixtures";
import { expect, test } from "./fixtures";
import { IMAGE_FIXTURES } from "./image-helpers";
import { fillVideoForm, openVideoPanel, shownFrame, TINY_MOTION, TINY_RIFE, watchProgress } from "./video-helpers";

const PROMPT = "a paper boat drifting down a stream";
const SEED = "4242";
/** The first bytes of every Matroska / WebM file (EBML). */
const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

test.describe("with a tiny motion model and RIFE installed", () => {
  test.use({ extraModels: [[TINY_MOTION, TINY_RIFE], { scope: "test" }] });
  test.beforeAll(async () => {
    await ensureImageFixtures(IMAGE_FIXTURES);
    await ensureMotionFixtures(IMAGE_FIXTURES);
    await ensureRifeFixtures(IMAGE_FIXTURES);
  });

  test("a clip generates with live progress, plays, exports as WebM, and is in the gallery after a reload", async ({ page }) => {
    const form = await fillVideoForm(page, { prompt: PROMPT, model: TINY_MOTION.name, frames: "16", steps: "40", seed: SEED });
    await expect(form).toContainText("text-to-video, image-to-video");
    await form.getByRole("button", { name: "Generate" }).click();

    const job = page.getByRole("list", { name: "Video jobs" }).getByRole("listitem").first();
    const seen = await watchProgress(job);
    expect(seen.some((value) => value > 0 && value < 100), `progress seen: ${seen.join(", ")}`).toBe(true);
    await expect(job).toContainText("Done");
    await expect(job.getByRole("button", { name: "Cancel" })).toHaveCount(0);

    // The finished clip is in the player: it plays through its frames and steps with the arrow keys.
    const player = page.getByRole("group", { name: `Player: ${PROMPT}` });
    await expect(player.getByRole("img")).toHaveAttribute("aria-label", `${PROMPT}: frame 1 of 16`);
    await player.getByRole("button", { name: "Play" }).click();
    await expect(player.getByRole("button", { name: "Pause" })).toBeVisible();
    await expect.poll(() => shownFrame(player), { timeout: 10_000 }).toBeGreaterThan(2);
    await player.getByRole("button", { name: "Pause" }).click();
    const paused = await shownFrame(player);
    await player.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => shownFrame(player)).toBe((paused % 16) + 1);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => shownFrame(player)).toBe(((paused - 2 + 16) % 16) + 1);

    await page.getByRole("combobox", { name: "Export format" }).selectOption({ label: "WebM (VP9)" });
    const downloading = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.webm$/);
    const bytes = await readFile(await download.path());
    expect(bytes.length).toBeGreaterThan(100);
    expect([...bytes.subarray(0, 4)]).toEqual(EBML_MAGIC);
    await expect(page.getByRole("status").filter({ hasText: /Saved .*\.webm/ })).toBeVisible();

    await page.reload();
    const reloaded = await openVideoPanel(page);
    await expect(reloaded.getByRole("textbox", { name: "Prompt", exact: true })).toHaveValue("");
    const tile = page.getByRole("list", { name: "Clips" }).getByRole("button", { name: new RegExp(`^${PROMPT}, 16 frames, 2.0 s at 8 fps`) });
    await tile.click();
    await expect(tile).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("group", { name: `Player: ${PROMPT}` }).getByRole("img")).toHaveAttribute("aria-label", `${PROMPT}: frame 1 of 16`);

    // The exported file brings its settings back.
    await page.getByLabel("Clip file to import").setInputFiles({ name: "boat.webm", mimeType: "video/webm", buffer: bytes });
    await expect(reloaded.getByRole("textbox", { name: "Prompt", exact: true })).toHaveValue(PROMPT);
    await expect(reloaded.getByRole("textbox", { name: "Seed" })).toHaveValue(SEED);
    await expect(reloaded.getByRole("textbox", { name: "Steps" })).toHaveValue("40");
    await expect(reloaded.getByRole("combobox", { name: "Model" })).toHaveValue(TINY_MOTION.id);
    await expect(reloaded.getByRole("status")).toContainText("Settings recalled from “boat.webm”");
  });
});
