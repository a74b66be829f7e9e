import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { app, BrowserWindow, dialog, session, shell } from "electron";
import { createHost } from "../main/host";
import { createFileLogger, teeLogger } from "../main/log/logger";
import { toAppErrorShape } from "../shared/errors";
import { parseDesktopArgs } from "./command-line";
import { createConsoleLogger } from "./console-logger";
import { quitGracefully } from "./graceful-quit";
import { registerIpc } from "./ipc";
import { guardNavigation } from "./navigation-guard";
import { isAppUrl, resolveRendererLocation } from "./renderer-location";
import { createSafeStorageSecretStore } from "./secret-store";
import { secureSession } from "./session-security";
import { createUtilityLauncher } from "./utility-launcher";
import { createMainWindow } from "./window";

// Built to out/main/index.js, beside the engine workers (engine-<name>.js);
// the preload and the renderer are built to its sibling folders.
const MAIN_DIR = import.meta.dirname;
const PRELOAD_PATH = join(MAIN_DIR, "../preload/index.cjs");
const INDEX_HTML_PATH = join(MAIN_DIR, "../renderer/index.html");

function main(): void {
  const { dataDir } = parseDesktopArgs(process.argv, process.cwd());
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    // Before the lock: the single-instance lock is per userData, so test runs with their own dirs coexist.
    app.setPath("userData", dataDir);
  }
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const dataDirInUse = app.getPath("userData");
  // One log for the shell and the host: <data>/logs/atelier.log, echoed to stderr.
  const logger = teeLogger(createFileLogger(join(dataDirInUse, "logs")), createConsoleLogger());

  const location = resolveRendererLocation(INDEX_HTML_PATH, process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  const isOurUrl = (url: string) => isAppUrl(location, url);
  const openWindow = () => createMainWindow({ preloadPath: PRELOAD_PATH, location, logger });

  app.on("web-contents-created", (_event, contents) => guardNavigation(contents, logger));

  const started = app.whenReady().then(async () => {
    secureSession(session.defaultSession, isOurUrl);
    const host = await createHost({
      dataDir: dataDirInUse,
      workerDir: MAIN_DIR,
      launcher: createUtilityLauncher(MAIN_DIR, logger),
      mode: "desktop",
      version: app.getVersion(),
      logger,
      // safeStorage works only once the app is ready, which it is here.
      secrets: createSafeStorageSecretStore(join(dataDirInUse, "secrets.json")),
      revealInFolder: async (file) => shell.showItemInFolder(file),
    });
    const unregisterIpc = registerIpc({ host, windows: () => BrowserWindow.getAllWindows(), isAppUrl: isOurUrl, logger });
    openWindow();
    app.on("second-instance", () => focusOrOpen(openWindow));
    app.on("activate", () => focusOrOpen(openWindow));
    return async () => {
      unregisterIpc();
      await host.dispose();
    };
  });

  started.catch((error: unknown) => {
    const { message } = toAppErrorShape(error);
    logger.log("error", "app", "Atelier could not start", { error: message });
    dialog.showErrorBox("Atelier could not start", message);
    app.exit(1);
  });

  quitGracefully(async () => {
    const stop = await started;
    await stop();
  }, logger);
}

function focusOrOpen(openWindow: () => BrowserWindow): void {
  const [window] = BrowserWindow.getAllWindows();
  if (window === undefined) {
    openWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
}

try {
  main();
} catch (error) {
  process.stderr.write(`Atelier could not start: ${toAppErrorShape(error).message}\n`);
  app.exit(2);
}
