import { describe, expect, it } from "vitest";
import { settingsSchema } from "../../shared/settings";
import { cacheConfigFrom } from "./cache-config";

describe("cache config from settings", () => {
  it("defaults to half of RAM and converts minutes to milliseconds", () => {
    expect(cacheConfigFrom(settingsSchema.parse({}), 8 * 1024 ** 3)).toEqual({ budgetBytes: 4 * 1024 ** 3, idleUnloadMs: 15 * 60_000, vramBudgetBytes: 0 });
  });

  it("uses explicit budgets in MiB, and 0 minutes to mean never", () => {
    const settings = settingsSchema.parse({ engines: { ramBudgetMiB: 512, vramBudgetMiB: 2048, idleUnloadMinutes: 0 } });
    expect(cacheConfigFrom(settings, 8 * 1024 ** 3)).toEqual({ budgetBytes: 512 * 1024 ** 2, idleUnloadMs: 0, vramBudgetBytes: 2048 * 1024 ** 2 });
  });
});
