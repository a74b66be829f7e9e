import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{shared,main,electron,renderer,scripts}/**/*.test.ts"],
    globalSetup: ["scripts/fixtures/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    typecheck: {
      enabled: true,
      include: ["{shared,main,electron,renderer}/**/*.test-d.ts"],
      tsconfig: "tsconfig.json",
    },
  },
});
