import { pathToFileURL } from "node:url";

/** Where the window loads the renderer from: the built file, or electron-vite's dev server. */
export type RendererLocation = { kind: "file"; url: string } | { kind: "dev-server"; url: string };

/**
 * The built `index.html` unless electron-vite's dev server is running: `electron-vite dev`
 * hands its URL over in ELECTRON_RENDERER_URL, and a packaged app never uses it.
 */
export function resolveRendererLocation(
  indexHtmlPath: string,
  devServerUrl: string | undefined,
  isPackaged: boolean,
): RendererLocation {
  if (devServerUrl !== undefined && devServerUrl !== "" && !isPackaged) {
    return { kind: "dev-server", url: new URL(devServerUrl).href };
  }
  return { kind: "file", url: pathToFileURL(indexHtmlPath).href };
}

/** True when `url` is our renderer page: the same file, or the same dev-server origin. */
export function isAppUrl(location: RendererLocation, url: string): boolean {
  const candidate = parseUrl(url);
  if (candidate === null) return false;
  const app = new URL(location.url);
  if (location.kind === "dev-server") return candidate.origin === app.origin;
  return candidate.protocol === "file:" && candidate.host === app.host && candidate.pathname === app.pathname;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
