import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsPatchSchema } from "../../../../shared/settings";
import { parseSettingsForm, toSettingsForm } from "./settings-form";

describe("settings form", () => {
  it("turns the form into a patch the contract accepts", () => {
    const values = { ...toSettingsForm(DEFAULT_SETTINGS), threads: "1", gpuMode: "layers" as const, gpuLayers: "12" };
    const result = parseSettingsForm(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch.llm).toEqual({ threads: 1, gpuLayers: 12 });
    expect(settingsPatchSchema.safeParse(result.patch).success).toBe(true);
    expect(parseSettingsForm({ ...values, gpuMode: "max", gpuLayers: "" })).toMatchObject({ ok: true, patch: { llm: { gpuLayers: "max" } } });
  });

  it("shows the saved GPU choice", () => {
    expect(toSettingsForm({ ...DEFAULT_SETTINGS, llm: { threads: 0, gpuLayers: 7 } })).toMatchObject({ gpuMode: "layers", gpuLayers: "7" });
    expect(toSettingsForm(DEFAULT_SETTINGS)).toMatchObject({ gpuMode: "auto", gpuLayers: "" });
  });

  it("reports bad values against their fields", () => {
    const values = { ...toSettingsForm(DEFAULT_SETTINGS), concurrency: "0", threads: "-1", gpuMode: "layers" as const, gpuLayers: "x" };
    expect(parseSettingsForm(values)).toEqual({
      ok: false,
      errors: {
        threads: "Threads must be between 0 and 256.",
        concurrency: "Engine concurrency must be between 1 and 8.",
        gpuLayers: "GPU layers must be a number.",
      },
    });
  });
});
