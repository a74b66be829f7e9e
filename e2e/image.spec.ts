import { ensureImageFixtures } from "../scripts/fixtures/image-fixtures";
import { expect, test } from "./fixtures";
import { fillImageForm, IMAGE_FIXTURES, TINY_SD } from "./image-helpers";

const PROMPT = "a lighthouse at dusk, oil painting";
const SEED = "4242";

test.describe("with a tiny Stable Diffusion model installed", () => {
  test.use({ extraModels: [TINY_SD] });
  test.beforeAll(async () => {
    await ensureImageFixtures(IMAGE_FIXTURES);
  });

  test("an image generates with live progress, lands in the gallery, and its settings come back after a reload", async ({ page }) => {
    await fillImageForm(page, { prompt: PROMPT, steps: "60", seed: SEED });
    const form = page.getByRole("form", { name: "Image settings" });
    await form.getByRole("button", { name: "Generate" }).click();

    const job = page.getByRole("list", { name: "Image jobs" }).getByRole("listitem").first();
    const progress = job.getByRole("progressbar");
    const seen = new Set<number>();
    await expect
      .poll(
        async () => {
          const value = Number(await progress.getAttribute("aria-valuenow"));
          seen.add(value);
          return value;
        },
        { timeout: 60_000, intervals: [10] },
      )
      .toBe(100);
    expect([...seen].some((value) => value > 0 && value < 100), `progress seen: ${[...seen].join(", ")}`).toBe(true);
    await expect(job).toContainText("Step 60 of 60");
    await expect(job).toContainText("Done");
    await expect(job.getByRole("button", { name: "Cancel" })).toHaveCount(0);

    const gallery = page.getByRole("list", { name: "Gallery" });
    await expect(gallery.getByRole("button", { name: new RegExp(PROMPT) })).toBeVisible();

    await page.reload();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Image" }).click();
    await expect(form.getByRole("textbox", { name: "Prompt", exact: true })).toHaveValue("");
    await gallery.getByRole("button", { name: new RegExp(PROMPT) }).click();
    const details = page.getByRole("dialog", { name: "Image details" });
    await expect(details).toContainText(SEED);
    await expect(details).toContainText("64 × 64");
    await expect(details.getByRole("img", { name: new RegExp(PROMPT) })).toBeVisible();
    await details.getByRole("button", { name: "Use these settings" }).click();
    await expect(details).toBeHidden();
    await expect(form.getByRole("textbox", { name: "Prompt", exact: true })).toHaveValue(PROMPT);
    await expect(form.getByRole("textbox", { name: "Seed" })).toHaveValue(SEED);
    await expect(form.getByRole("textbox", { name: "Steps" })).toHaveValue("60");
    await expect(form.getByRole("combobox", { name: "Model" })).toHaveValue("tiny-sd");
    await expect(form.getByRole("status")).toContainText("Settings recalled");
  });

  test("an image can be revealed, kept on Cancel, and deleted after confirming", async ({ page }) => {
    await fillImageForm(page, { prompt: "a red barn", steps: "2", seed: "7" });
    await page.getByRole("textbox", { name: "Prompt", exact: true }).press("Control+Enter");
    const tile = page.getByRole("list", { name: "Gallery" }).getByRole("button", { name: /a red barn/ });
    await tile.click();
    const details = page.getByRole("dialog", { name: "Image details" });
    await details.getByRole("button", { name: "Reveal in folder" }).click();
    await expect(details.getByRole("status").filter({ hasText: /library.*\.png/ })).toBeVisible();

    await details.getByRole("button", { name: "Delete", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: "Delete this image?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(details).toBeVisible();
    await details.getByRole("button", { name: "Delete", exact: true }).click();
    await confirm.getByRole("button", { name: "Delete image" }).click();
    await expect(details).toBeHidden();
    await expect(tile).toHaveCount(0);
    await expect(page.getByRole("main")).toContainText("No images yet");
  });

  test("two presses queue two jobs, and a running one stops on Cancel", async ({ page }) => {
    await fillImageForm(page, { prompt: "a slow harbour", steps: "150", seed: "" });
    // Large enough to be still running when Cancel is pressed, on a busy machine too.
    await page.getByRole("combobox", { name: "Size" }).selectOption({ label: "1024 × 1024" });
    const generate = page.getByRole("button", { name: "Generate" });
    await generate.click();
    await generate.click();
    const jobs = page.getByRole("list", { name: "Image jobs" }).getByRole("listitem");
    await expect(jobs).toHaveCount(2);
    await expect(jobs.filter({ hasText: /Step [1-9]\d* of 150/ })).toHaveCount(1);
    // The waiting one first, then the running one (rows move as their states change).
    await jobs.filter({ hasText: "Waiting" }).getByRole("button", { name: "Cancel" }).click();
    await expect(jobs.filter({ hasText: "Cancelled" })).toHaveCount(1);
    await jobs.getByRole("button", { name: "Cancel" }).click();
    await expect(jobs.filter({ hasText: "Cancelled" })).toHaveCount(2);
    await expect(page.getByRole("list", { name: "Gallery" })).toBeHidden();
  });
});

test("without an image model the panel points to the catalog, and a bad size is refused in words", async ({ page }) => {
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Image" }).click();
  const form = page.getByRole("form", { name: "Image settings" });
  await expect(form).toContainText("No image models installed yet");
  await form.getByRole("textbox", { name: "Prompt", exact: true }).fill(PROMPT);
  await form.getByRole("combobox", { name: "Size" }).selectOption({ label: "Custom…" });
  await form.getByRole("textbox", { name: "Width" }).fill("100");
  await form.getByRole("textbox", { name: "Prompt", exact: true }).press("Control+Enter");
  await expect(form.getByRole("alert").filter({ hasText: "Width must be a multiple of 8: try 96 or 104." })).toBeVisible();
  await expect(form.getByRole("alert").filter({ hasText: "Choose an image model." })).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Width" })).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("textbox", { name: "Prompt", exact: true })).toHaveValue(PROMPT);

  await form.getByRole("button", { name: "Open the model catalog" }).click();
  await expect(page.getByRole("tab", { name: "Catalog" })).toHaveAttribute("aria-selected", "true");
});
