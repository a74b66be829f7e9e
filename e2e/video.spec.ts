import { readFile } from "node:fs/promises";
import { ensureImageFixtures } from "../scripts/fixtures/image-fixtures";
import { ensureMotionFixtures } from "../scripts/fixtures/motion-fixtures";
import { ensureRifeFixtures } from "../scripts/fixtures/rife-fixtures";
import { expect, test } from "./fixtures";
import { IMAGE_FIXTURES, TINY_SD } from "./image-helpers";
import { fillVideoForm, openVideoPanel, shownFrame, TINY_MOTION, TINY_RIFE, watchProgress } from "./video-helpers";

const PROMPT = "a paper boat drifting down a stream";
const SEED = "4242";
/** The first bytes of every Matroska / WebM file (EBML). */
const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

test.describe("with a tiny motion model and RIFE installed", () => {
  test.use({ extraModels: [[TINY_MOTION, TINY_RIFE, TINY_SD], { scope: "test" }] });
  test.beforeAll(async () => {
    await ensureImageFixtures(IMAGE_FIXTURES);
    await ensureMotionFixtures(IMAGE_FIXTURES);
    await ensureRifeFixtures(IMAGE_FIXTURES);
  });

  test("a clip generates with live progress, plays, exports as WebM, and is in the gallery after a reload", async ({ page }) => {
    const form = await fillVideoForm(page, { prompt: PROMPT, model: TINY_MOTION.name, frames: "16", steps: "50", seed: SEED });
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

    // Dropped on the panel, the exported file brings its settings back.
    const dropped = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "boat.webm", { type: "video/webm" }));
      return transfer;
    }, [...bytes]);
    const panel = page.getByRole("region", { name: "Video" });
    await panel.dispatchEvent("dragover", { dataTransfer: dropped });
    await panel.dispatchEvent("drop", { dataTransfer: dropped });
    await expect(reloaded.getByRole("textbox", { name: "Prompt", exact: true })).toHaveValue(PROMPT);
    await expect(reloaded.getByRole("textbox", { name: "Seed" })).toHaveValue(SEED);
    await expect(reloaded.getByRole("textbox", { name: "Steps" })).toHaveValue("50");
    await expect(reloaded.getByRole("combobox", { name: "Model" })).toHaveValue(TINY_MOTION.id);
    await expect(reloaded.getByRole("status")).toContainText("Settings recalled from “boat.webm”");
  });

  test("×2 interpolation follows a clip, and a running clip stops on Cancel", async ({ page }) => {
    const form = await fillVideoForm(page, { prompt: "a kite over the dunes", model: TINY_MOTION.name, frames: "8", steps: "4", seed: "11" });
    await form.getByRole("combobox", { name: "Interpolation" }).selectOption("2");
    await expect(form).toContainText("×2 interpolation makes 15 frames at 16 fps");
    await form.getByRole("textbox", { name: "Prompt", exact: true }).press("Control+Enter");
    const jobs = page.getByRole("list", { name: "Video jobs" }).getByRole("listitem");
    await expect(jobs.filter({ hasText: "Interpolate ×2" }).filter({ hasText: "Done" })).toBeVisible({ timeout: 60_000 });
    const player = page.getByRole("group", { name: "Player: a kite over the dunes ×2" });
    await expect(player.getByRole("img")).toHaveAttribute("aria-label", "a kite over the dunes ×2: frame 1 of 15");
    await expect(page.getByRole("list", { name: "Clips" }).getByRole("button", { name: /^a kite over the dunes ×2, 15 frames, .* at 16 fps/ })).toBeVisible();

    await form.getByRole("combobox", { name: "Interpolation" }).selectOption("1");
    await form.getByRole("textbox", { name: "Frames" }).fill("64");
    await form.getByRole("textbox", { name: "Steps" }).fill("50");
    await form.getByRole("combobox", { name: "Size" }).selectOption({ label: "256 × 256 (quick draft)" });
    await form.getByRole("button", { name: "Generate" }).click();
    const running = jobs.filter({ hasText: /Step [1-9]\d* of 50/ });
    await expect(running).toBeVisible({ timeout: 60_000 });
    await running.getByRole("button", { name: "Cancel" }).click();
    await expect(jobs.filter({ hasText: "Cancelled" })).toHaveCount(1);
    await expect(page.getByRole("list", { name: "Clips" }).getByRole("listitem")).toHaveCount(2);
  });

  test("a Stable Diffusion model animates keyframes, and a clip's settings come back into the form", async ({ page }) => {
    const form = await fillVideoForm(page, { prompt: "a calm harbour", model: TINY_SD.name, frames: "4", steps: "2", seed: "5" });
    await expect(form.getByRole("textbox", { name: "Steps" })).toHaveValue("2");
    await form.getByRole("button", { name: "Add keyframe" }).click();
    const second = form.getByRole("listitem", { name: /Keyframe 2/ });
    await second.getByRole("textbox", { name: "At frame" }).fill("2");
    await form.getByRole("button", { name: "Generate" }).click();
    await expect(second.getByRole("alert")).toHaveText("Describe what the clip shows from this frame on.");
    await second.getByRole("textbox", { name: "Prompt from this frame" }).fill("a stormy harbour");
    await form.getByRole("button", { name: "Generate" }).click();

    const job = page.getByRole("list", { name: "Video jobs" }).getByRole("listitem").first();
    await expect(job).toContainText("Done", { timeout: 60_000 });
    const player = page.getByRole("group", { name: "Player: a calm harbour → a stormy harbour" });
    await expect(player.getByRole("img")).toHaveAttribute("aria-label", /frame 1 of 4$/);

    await form.getByRole("textbox", { name: "Prompt", exact: true }).fill("");
    await second.getByRole("button", { name: "Remove keyframe 2" }).click();
    await page.getByRole("button", { name: "Use these settings" }).click();
    await expect(form.getByRole("textbox", { name: "Prompt", exact: true })).toHaveValue("a calm harbour");
    await expect(form.getByRole("listitem", { name: /Keyframe 2/ }).getByRole("textbox", { name: "Prompt from this frame" })).toHaveValue("a stormy harbour");
    await expect(form.getByRole("status")).toContainText("Settings recalled from the selected clip.");
  });
});
