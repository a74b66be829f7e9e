import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsPatchSchema } from "../../../../shared/settings";
import { checkFolder, parseEndpoint, parseSettingsForm, toSettingsForm } from "./settings-form";

describe("settings form", () => {
  it("turns the form into a patch the contract accepts", () => {
    const values = {
      ...toSettingsForm(DEFAULT_SETTINGS),
      threads: "1",
      gpuMode: "layers" as const,
      gpuLayers: "12",
      vramBudgetMiB: "4096",
      downloadsConcurrency: "3",
      hubEndpoint: " http://127.0.0.1:8123/ ",
      folders: ["/srv/models"],
    };
    const result = parseSettingsForm(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patch.llm).toEqual({ threads: 1, gpuLayers: 12 });
    expect(result.patch.engines?.vramBudgetMiB).toBe(4096);
    expect(result.patch.downloads).toEqual({ concurrency: 3 });
    expect(result.patch.hub).toEqual({ endpoint: "http://127.0.0.1:8123" });
    expect(result.patch.models).toEqual({ folders: ["/srv/models"] });
    expect(result.patch.image).toEqual({ provider: "auto" });
    expect(settingsPatchSchema.safeParse(result.patch).success).toBe(true);
    expect(parseSettingsForm({ ...values, imageProvider: "cpu" })).toMatchObject({ ok: true, patch: { image: { provider: "cpu" } } });
    expect(parseSettingsForm({ ...values, gpuMode: "max", gpuLayers: "" })).toMatchObject({ ok: true, patch: { llm: { gpuLayers: "max" } } });
  });

  it("shows the saved values", () => {
    expect(toSettingsForm({ ...DEFAULT_SETTINGS, llm: { threads: 0, gpuLayers: 7 } })).toMatchObject({ gpuMode: "layers", gpuLayers: "7" });
    expect(toSettingsForm(DEFAULT_SETTINGS)).toMatchObject({
      gpuMode: "auto",
      gpuLayers: "",
      hubEndpoint: "https://huggingface.co",
      downloadsConcurrency: "2",
      folders: [],
    });
  });

  it("reports bad values against their fields", () => {
    const values = {
      ...toSettingsForm(DEFAULT_SETTINGS),
      concurrency: "0",
      threads: "-1",
      gpuMode: "layers" as const,
      gpuLayers: "x",
      downloadsConcurrency: "9",
      hubEndpoint: "ftp://mirror",
    };
    expect(parseSettingsForm(values)).toEqual({
      ok: false,
      errors: {
        threads: "Threads must be between 0 and 256.",
        concurrency: "Engine concurrency must be between 1 and 8.",
        downloadsConcurrency: "Downloads at once must be between 1 and 8.",
        gpuLayers: "GPU layers must be a number.",
        hubEndpoint: "The Hugging Face endpoint must be an http:// or https:// address.",
      },
    });
  });

  it("checks the endpoint and folders one at a time", () => {
    expect(parseEndpoint("https://hf-mirror.com/")).toEqual({ ok: true, value: "https://hf-mirror.com" });
    expect(parseEndpoint("not a url").ok).toBe(false);
    expect(checkFolder(" /data/models ", [])).toEqual({ ok: true, value: "/data/models" });
    expect(checkFolder("D:\\models", [])).toEqual({ ok: true, value: "D:\\models" });
    expect(checkFolder("models", [])).toEqual({ ok: false, error: "Use a full path, such as /home/you/models." });
    expect(checkFolder("/a", ["/a"])).toEqual({ ok: false, error: "That folder is already in the list." });
    const full = Array.from({ length: 16 }, (_, i) => `/m${i}`);
    expect(checkFolder("/new", full)).toEqual({ ok: false, error: "At most 16 folders can be added." });
  });
});
