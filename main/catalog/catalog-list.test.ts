import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Host } from "../host";
import { invoke, openTestHost, tempDataDir } from "../host-test-kit";

const SILERO = path.resolve("../shared/models/vad/silero_vad.onnx");
let host: Host;
let dataDir: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  host = await openTestHost(dataDir);
});

afterAll(async () => {
  await host.dispose();
});

describe("catalog.list through the real host", () => {
  it("lists every curated model with its fit here and its source, none installed yet", async () => {
    const items = await invoke(host, "catalog.list", {});
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.every((item) => !item.installed)).toBe(true);
    const qwen = items.find((item) => item.id === "qwen3-1.7b");
    expect(qwen).toMatchObject({ totalBytes: 1_107_409_472, sourceUrl: "https://huggingface.co/unsloth/Qwen3-1.7B-GGUF/tree/d7f544eead698dbd1f15126ef60b45a1e1933222" });
    expect(qwen?.fit.verdict).toMatch(/^(gpu|partial|cpu|too-large)$/);
    expect(qwen?.fit.summary.length).toBeGreaterThan(10);
  });

  it("marks a model installed once its manifest (written last by a download) is there, and follows the hub endpoint", async () => {
    const folder = path.join(dataDir, "models", "silero-vad");
    await mkdir(path.join(folder, "onnx"), { recursive: true });
    await copyFile(SILERO, path.join(folder, "onnx", "model.onnx"));
    const revision = "ddc9a7e80d6758f6fc795a1e8a04b798eb929d3a";
    await writeFile(
      path.join(folder, "manifest.json"),
      JSON.stringify({ version: 1, id: "silero-vad", name: "Silero VAD", family: "vad", format: "onnx", files: [{ path: "onnx/model.onnx", size: 2_327_524 }], source: { repo: "onnx-community/silero-vad", revision }, installedAt: 1 }),
    );
    await invoke(host, "models.refresh", {});
    await invoke(host, "settings.update", { hub: { endpoint: "http://127.0.0.1:8080" } });
    const items = await invoke(host, "catalog.list", {});
    expect(items.filter((item) => item.installed).map((item) => item.id)).toEqual(["silero-vad"]);
    expect(items.find((item) => item.id === "silero-vad")?.sourceUrl).toBe(`http://127.0.0.1:8080/onnx-community/silero-vad/tree/${revision}`);
    expect((await invoke(host, "models.list", {})).find((model) => model.id === "silero-vad")).toMatchObject({ family: "vad", format: "onnx" });
  });
});
