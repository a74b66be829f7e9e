import { describe, expect, it } from "vitest";
import type { CatalogItem, Fit } from "../../../../../shared/library";
import type { ModelInfo } from "../../../../../shared/models";
import { catalogSize, filterCatalog, groupByFamily, installedIds, NO_FILTER } from "./catalog-filter";

function item(id: string, family: CatalogItem["family"], extra: Partial<CatalogItem> = {}): CatalogItem {
  const fit: Fit = { verdict: "cpu", ramBytes: 1, vramBytes: 0, summary: "Runs on the CPU." };
  return {
    id,
    name: id,
    family,
    format: "gguf",
    description: `The ${id} model`,
    repo: `org/${id}`,
    revision: "main",
    files: [{ path: `${id}.gguf`, size: 10 }],
    license: "mit",
    defaults: {},
    memory: { ram: 1, vram: 0 },
    tags: [],
    installed: false,
    fit,
    sourceUrl: `https://huggingface.co/org/${id}`,
    ...extra,
  };
}

const tooLarge: Fit = { verdict: "too-large", ramBytes: 9e12, vramBytes: 0, summary: "Needs more memory than this machine has." };
const catalog = [
  item("qwen-chat", "llm", { tags: ["chat"] }),
  item("whisper-base", "stt", { description: "Transcribes speech" }),
  item("sd-turbo", "image", { fit: tooLarge }),
  item("silero", "vad", { installed: true }),
];

describe("catalog filter", () => {
  it("searches names, descriptions, repos and tags, every word", () => {
    const none = new Set<string>();
    expect(filterCatalog(catalog, { ...NO_FILTER, query: "transcribes" }, none).map((i) => i.id)).toEqual(["whisper-base"]);
    expect(filterCatalog(catalog, { ...NO_FILTER, query: "ORG chat" }, none).map((i) => i.id)).toEqual(["qwen-chat"]);
    expect(filterCatalog(catalog, { ...NO_FILTER, query: "speech to text" }, none).map((i) => i.id)).toEqual(["whisper-base"]);
    expect(filterCatalog(catalog, { ...NO_FILTER, query: "nothing-like-this" }, none)).toEqual([]);
    expect(filterCatalog(catalog, NO_FILTER, none)).toHaveLength(4);
  });

  it("filters by family, installed and fit", () => {
    const installed = new Set(["qwen-chat"]);
    expect(filterCatalog(catalog, { ...NO_FILTER, family: "image" }, installed).map((i) => i.id)).toEqual(["sd-turbo"]);
    expect(filterCatalog(catalog, { ...NO_FILTER, installedOnly: true }, installed).map((i) => i.id)).toEqual(["qwen-chat"]);
    expect(filterCatalog(catalog, { ...NO_FILTER, fitsOnly: true }, installed).map((i) => i.id)).not.toContain("sd-turbo");
  });

  it("groups by family in the app's order and leaves empty families out", () => {
    expect(groupByFamily(catalog).map((g) => g.family)).toEqual(["llm", "image", "stt", "vad"]);
  });

  it("follows the models list for what is installed, by id or by the catalog id of its source", () => {
    const model = (id: string, catalogId?: string): ModelInfo => ({
      id,
      name: id,
      family: "llm",
      format: "gguf",
      path: `/m/${id}`,
      sizeBytes: 1,
      ...(catalogId ? { source: { repo: "org/x", revision: "main", catalogId } } : {}),
    });
    expect([...installedIds(catalog, null)]).toEqual(["silero"]);
    expect([...installedIds(catalog, [model("qwen-chat"), model("renamed", "whisper-base")])].sort()).toEqual(["qwen-chat", "whisper-base"]);
  });

  it("sizes an entry from the host's total or its files", () => {
    expect(catalogSize(item("a", "llm", { totalBytes: 99 }))).toBe(99);
    expect(catalogSize(item("b", "llm", { files: [{ path: "x", size: 3 }, { path: "y", size: 4 }] }))).toBe(7);
    expect(catalogSize(item("c", "llm", { files: [{ path: "x" }] }))).toBeUndefined();
  });
});
