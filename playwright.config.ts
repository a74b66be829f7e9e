import { defineConfig } from "@playwright/test";
import type { Target } from "./e2e/fixtures";

/** Debian's Chromium, never a downloaded browser; quiet flags for a sandboxed CI box. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // A fake microphone (a beep) that is allowed without asking, for the Record spec.
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
];

/** The end-to-end specs against serve mode in Chromium; `playwright.electron.config.ts` runs them on the desktop app. */
export function e2eConfig(target: Target) {
  return defineConfig<{ target: Target }>({
    testDir: "e2e",
    testMatch: "*.spec.ts",
    // The desktop bridge cannot drop, so the reconnect spec is serve mode's alone; the fake microphone is a Chromium flag.
    testIgnore: target === "electron" ? ["serve-mode.spec.ts", "speech-record.spec.ts"] : [],
    // Two cores: one app, one browser and one engine at a time.
    workers: 1,
    fullyParallel: false,
    timeout: 90_000,
    expect: { timeout: 15_000 },
    retries: 0,
    forbidOnly: true,
    reporter: [["list"]],
    outputDir: "test-results",
    use: {
      target,
      launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
    },
  });
}

export default e2eConfig("serve");
