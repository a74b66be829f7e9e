import { BrowserWindow } from "electron";
import type { Logger } from "../main/log/types";
import type { RendererLocation } from "./renderer-location";

export interface MainWindowOptions {
  /** Absolute path of the built preload, out/preload/index.cjs. */
  preloadPath: string;
  location: RendererLocation;
  logger: Logger;
}

/**
 * The studio window. The renderer is untrusted: isolated, sandboxed, no Node, and it
 * reaches the host only through the preload bridge. Navigation, pop-ups, CSP and
 * permissions are guarded per session and per web contents (see main.ts).
 */
export function createMainWindow({ preloadPath, location, logger }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: "Atelier",
    show: false,
    backgroundColor: "#15161a",
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once("ready-to-show", () => window.show());
  window.loadURL(location.url).catch((error: unknown) => {
    logger.log("error", "window", "The studio page did not load", { url: location.url, error: String(error) });
  });
  return window;
}
