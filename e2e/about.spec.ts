import { readFile } from "node:fs/promises";
import path from "node:path";
import { REPO_ROOT } from "./data-dir";
import { expect, test } from "./fixtures";

test("Settings → About shows the version and the third-party notices with ffmpeg's GPL terms", async ({ page }) => {
  const { version } = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Settings" }).click();
  const about = page.getByRole("region", { name: "About" });
  await expect(about.getByRole("heading", { level: 2, name: "About" })).toBeVisible();
  await expect(about).toContainText(`Atelier ${version}`);

  const notices = about.getByRole("region", { name: "Third-party notices" });
  await expect(notices).toBeHidden();
  await about.getByRole("button", { name: "Show third-party notices" }).click();
  await expect(notices).toBeVisible();
  await expect(notices).toContainText("# Third-party notices");
  await expect(notices).toContainText("License: **GPL-3.0-or-later**");
  await expect(notices).toContainText("Written offer for the source code of ffmpeg");
  await expect(notices).toContainText(/## zod@\d+\.\d+\.\d+\s+License: MIT/);
  await expect(notices).toContainText("## electron@");

  await about.getByRole("button", { name: "Hide third-party notices" }).click();
  await expect(notices).toBeHidden();
});
