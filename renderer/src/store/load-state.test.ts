import { describe, expect, it } from "vitest";
import type { CatalogItem } from "../../../shared/library";
import { DEFAULT_SETTINGS } from "../../../shared/settings";
import { download } from "../test-support/fixtures";
import { hostConnections } from "../test-support/host-connections";
import { createAppStore } from "./app-state";
import { loadState } from "./load-state";

const catalogItem: CatalogItem = {
  id: "stories",
  name: "Stories",
  family: "llm",
  format: "gguf",
  description: "A tiny story model",
  repo: "org/stories",
  revision: "main",
  files: [{ path: "stories.gguf", size: 10 }],
  license: "mit",
  defaults: {},
  memory: { ram: 10, vram: 0 },
  tags: [],
  installed: false,
  fit: { verdict: "cpu", ramBytes: 10, vramBytes: 0, summary: "Runs on the CPU." },
  sourceUrl: "https://huggingface.co/org/stories",
};
const hardware = { ramBytes: 8e9, freeRamBytes: 4e9, cpuCores: 2, cpuModel: "cpu", gpus: [], onnxProviders: ["cpu"] };

const connect = hostConnections();

describe("loadState", () => {
  it("fills the library slices with the catalog, the hardware and the downloads", async () => {
    // Only the library's channels matter here; other panels' loads may fail without changing what is checked.
    const { api } = await connect({
      "app.info": () => ({ version: "1", dataDir: "/d", mode: "serve", platform: "linux" }),
      "settings.get": () => DEFAULT_SETTINGS,
      "models.list": () => [],
      "engines.status": () => [],
      "jobs.list": () => [],
      "chat.list": () => [],
      "catalog.list": () => [catalogItem],
      "hardware.info": () => hardware,
      "downloads.list": () => [download("d1", "paused")],
    });
    const store = createAppStore();
    await loadState(api, store);
    const state = store.getState();
    expect(state.catalogKnown).toBe(true);
    expect(state.catalog.map((item) => item.id)).toEqual(["stories"]);
    expect(state.hardware?.cpuCores).toBe(2);
    expect(state.downloads.d1?.state).toBe("paused");
  });

  it("says when part of the state could not be loaded", async () => {
    const { api } = await connect({ "settings.get": () => DEFAULT_SETTINGS });
    const store = createAppStore();
    await loadState(api, store);
    expect(store.getState().settings).not.toBeNull();
    expect(store.getState().appError).toMatch(/^Atelier could not load everything/);
  });
});
