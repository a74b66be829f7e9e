import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { e2eConfig } from "../../playwright.config";
import type { Target } from "../fixtures";

/**
 * The serve-mode end-to-end config with another browser executable, for the runs that
 * scripts/testing/e2e-cleanup.test.ts starts and stops to check that nothing outlives them.
 * Results go to the run's own temp folder, never to the suite's test-results/.
 */
export function cleanupConfig(executablePath: string) {
  const base = e2eConfig("serve");
  return defineConfig<{ target: Target }>({
    ...base,
    testDir: import.meta.dirname,
    testMatch: "*.cleanup.ts",
    testIgnore: [],
    outputDir: path.join(os.tmpdir(), "atelier-cleanup-results"),
    use: { ...base.use, launchOptions: { ...base.use?.launchOptions, executablePath } },
  });
}
