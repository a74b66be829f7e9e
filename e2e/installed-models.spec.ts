import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./fixtures";
import { STORIES_MODEL } from "./data-dir";
import { openModelsTab } from "./library-helpers";

test("a model is loaded from the Installed tab and unloaded from the status bar", async ({ page }) => {
  const installed = await openModelsTab(page, "Installed");
  const row = installed.getByRole("row", { name: /stories260K/ });
  await expect(row).toContainText("Not loaded");
  await expect(row).toContainText(/Fits on GPU|Partial GPU offload|CPU only/);
  await row.getByRole("button", { name: "Load" }).click();
  await expect(row).toContainText(/Loaded \(\d.*\) · (on the CPU|\d+ of \d+ layers on the GPU)/);
  const status = page.getByRole("contentinfo", { name: "Status" });
  await expect(status).toContainText(/stories260K \(\d/);
  await status.getByRole("button", { name: "Unload" }).click();
  await expect(status).toContainText("No models loaded");
  await expect(row).toContainText("Not loaded");
});

test("import checks its input, keeps it on failure, and links a real GGUF file", async ({ page }) => {
  const installed = await openModelsTab(page, "Installed");
  const form = installed.getByRole("form", { name: "Import a model from disk" });
  const path = form.getByRole("textbox", { name: "Model path" });
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toHaveText("Enter the full path of a .gguf file or an ONNX model folder.");
  await expect(path).toHaveAttribute("aria-invalid", "true");

  await path.fill("/no/such/folder/model.gguf");
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("alert")).toContainText("Could not import");
  await expect(path).toHaveValue("/no/such/folder/model.gguf");

  await path.fill(STORIES_MODEL);
  await form.getByRole("radiogroup", { name: "Import as" }).getByRole("radio", { name: "Link to the file" }).check();
  await form.getByRole("textbox", { name: "Name (optional)" }).fill("Linked stories");
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toHaveText("Imported “Linked stories”.");
  await expect(path).toHaveValue("");
  const row = installed.getByRole("row", { name: /Linked stories/ });
  await expect(row).toContainText("Imported (linked to your file)");

  await row.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this model?" });
  await expect(dialog).toContainText("your file stays where it is");
  await dialog.getByRole("button", { name: "Delete model" }).click();
  await expect(row).toHaveCount(0);
});

test("an extra models folder is saved in Settings and its models are found on Refresh", async ({ page, dataDir }) => {
  const folder = path.join(dataDir, "my-models");
  await mkdir(folder);
  await copyFile(STORIES_MODEL, path.join(folder, "folder-stories.gguf"));

  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Settings" }).click();
  const main = page.getByRole("main");
  const add = main.getByRole("textbox", { name: "Folder to add" });
  await add.fill("relative/path");
  await main.getByRole("button", { name: "Add folder" }).click();
  await expect(main.getByRole("alert")).toHaveText("Use a full path, such as /home/you/models.");
  await add.fill(folder);
  await add.press("Enter");
  await expect(main.getByRole("list", { name: "Extra model folders" })).toContainText(folder);
  await main.getByLabel("Downloads at once").fill("3");
  await main.getByLabel("VRAM budget (MiB)").fill("2048");
  await main.getByRole("button", { name: "Save settings" }).click();
  await expect(main.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

  await page.reload();
  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Settings" }).click();
  await expect(main.getByLabel("Downloads at once")).toHaveValue("3");
  await expect(main.getByLabel("VRAM budget (MiB)")).toHaveValue("2048");
  await expect(main.getByRole("list", { name: "Extra model folders" })).toContainText(folder);

  const installed = await openModelsTab(page, "Installed");
  await installed.getByRole("button", { name: "Refresh" }).click();
  await expect(installed.getByRole("row", { name: /folder-stories/ })).toBeVisible();

  await page.getByRole("navigation", { name: "Sections" }).getByRole("button", { name: "Settings" }).click();
  await main.getByRole("list", { name: "Extra model folders" }).getByRole("button", { name: "Remove" }).click();
  await main.getByRole("button", { name: "Save settings" }).click();
  await expect(main.getByText("None. Atelier always looks in the models folder of its data directory.")).toBeVisible();
});

test.describe("with a 1 MiB memory budget", () => {
  test.use({ extraSettings: { engines: { ramBudgetMiB: 1 } } });

  test("a model estimated too large is refused, and loads after Load anyway", async ({ page }) => {
    const installed = await openModelsTab(page, "Installed");
    const row = installed.getByRole("row", { name: /stories260K/ });
    await expect(row).toContainText("Too large");
    await row.getByRole("button", { name: "Load" }).click();
    const dialog = page.getByRole("dialog", { name: "This model may not fit in memory" });
    await expect(dialog).toContainText("memory budget");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(row).toContainText("Not loaded");

    await row.getByRole("button", { name: "Load" }).click();
    await dialog.getByRole("button", { name: "Load anyway" }).click();
    await expect(row).toContainText(/Loaded \(\d/);
    await row.getByRole("button", { name: "Unload" }).click();
    await expect(row).toContainText("Not loaded");
  });
});
