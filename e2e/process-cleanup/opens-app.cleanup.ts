import { expect, test } from "../fixtures";

/** The run the cleanup tests start and stop: a serve-mode app in a browser, as every spec has. */
test("the app opens", async ({ page }) => {
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
});
