import { e2eConfig } from "./playwright.config";

/** The same specs against the desktop app through Playwright's `_electron` (needs Electron's binary). */
export default e2eConfig("electron");
