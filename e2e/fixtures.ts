import { _electron, chromium, test as base, type Browser, type Page, type TestInfo } from "@playwright/test";
import { createDataDir, REPO_ROOT, type ExtraSettings } from "./data-dir";
import { installModel, type ExtraModel } from "./installed-models";
import { startServe, type ServeProcess } from "./serve-process";

export type Target = "serve" | "electron";

interface LaunchedApp {
  page: Page;
  /** Ends the host process (the serve-mode server, or the whole desktop app). */
  stopHost(): Promise<void>;
}
interface AppFixtures {
  /** Settings written into the data dir before the app starts; a spec overrides this (e.g. to point at a test hub). */
  extraSettings: ExtraSettings;
  /** Model folders installed (with a manifest) into the data dir before the app starts, e.g. a tiny image model. */
  extraModels: ExtraModel[];
  /** The data dir of this test's app: a fresh temp folder holding stories260K and settings with one thread. */
  dataDir: string;
  /**
   * Starts this test's serve-mode server on `dataDir` (once). Its own fixture, so its teardown
   * stops the server even when the test never got further: a browser that cannot start or hangs
   * while starting, an interrupted run.
   */
  startServer: () => Promise<ServeProcess>;
  launched: LaunchedApp;
  /** The app's window, connected to a fresh host on `dataDir`. */
  page: Page;
  stopHost: () => Promise<void>;
}
interface WorkerFixtures {
  /** Where the app runs: the serve-mode host in Chromium, or the desktop app. Set in the config's `use`. */
  target: Target;
  /** Launches Chromium once per worker, and only if a test needs it. */
  launchChromium: () => Promise<Browser>;
}

async function attachScreenshotOnFailure(page: Page, testInfo: TestInfo): Promise<void> {
  if (testInfo.status === testInfo.expectedStatus || page.isClosed()) return;
  await testInfo.attach("screenshot", { body: await page.screenshot(), contentType: "image/png" }).catch(() => {});
}

export const test = base.extend<AppFixtures, WorkerFixtures>({
  target: ["serve", { option: true, scope: "worker" }],

  launchChromium: [
    async ({ launchOptions }, use) => {
      let browser: Promise<Browser> | undefined;
      let launched: Browser | undefined;
      // A launch that failed fails every test of the worker at once, and leaves nothing to close.
      await use(() => (browser ??= chromium.launch(launchOptions).then((started) => (launched = started))));
      // A launch still under way is not waited for: Playwright kills that browser when the worker exits.
      await launched?.close();
    },
    { scope: "worker" },
  ],

  extraSettings: [{}, { option: true }],

  extraModels: [[], { option: true }],

  dataDir: async ({ extraSettings, extraModels }, use) => {
    const data = await createDataDir(extraSettings);
    for (const model of extraModels) await installModel(data.dir, model);
    await use(data.dir);
    await data.remove();
  },

  startServer: async ({ dataDir }, use) => {
    let server: Promise<ServeProcess> | undefined;
    await use(() => (server ??= startServe(dataDir)));
    await server?.then((started) => started.stop(), () => undefined);
  },

  launched: async ({ target, dataDir, startServer, launchChromium }, use, testInfo) => {
    if (target === "electron") {
      const app = await _electron.launch({ args: [".", "--data-dir", dataDir], cwd: REPO_ROOT });
      try {
        const page = await app.firstWindow();
        await use({ page, stopHost: () => app.close() });
        await attachScreenshotOnFailure(page, testInfo);
      } finally {
        await app.close();
      }
      return;
    }
    const server = await startServer();
    const context = await (await launchChromium()).newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await use({ page, stopHost: server.stop });
      await attachScreenshotOnFailure(page, testInfo);
    } finally {
      await context.close();
    }
  },

  page: async ({ launched }, use) => use(launched.page),
  stopHost: async ({ launched }, use) => use(launched.stopHost),
});

export { expect } from "@playwright/test";
