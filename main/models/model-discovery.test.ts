import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createEventBus } from "../events/bus";
import type { Host } from "../host";
import { errorCodeOf, EventLog, invoke, openTestHost, STORIES_GGUF, tempDataDir } from "../host-test-kit";
import type { Logger } from "../log/types";
import { ModelService } from "./model-service";
import { openModelFolder, type ModelFolderRig } from "./model-test-kit";

let rig: ModelFolderRig;

beforeEach(async () => {
  rig = await openModelFolder("atelier-discovery-");
});

async function writeManifest(folder: string, manifest: Record<string, unknown>): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "manifest.json"), JSON.stringify({ version: 1, installedAt: 1, ...manifest }));
}

const SILERO = path.resolve("../shared/models/vad/silero_vad.onnx");

describe("discovery of installed models and extra folders", () => {
  it("lists manifest folders of any family, with the size of all their files and where they came from", async () => {
    const vad = path.join(rig.modelsDir, "silero-vad");
    await mkdir(path.join(vad, "onnx"), { recursive: true });
    await copyFile(SILERO, path.join(vad, "onnx", "model.onnx"));
    const source = { repo: "onnx-community/silero-vad", revision: "ddc9a7e80d6758f6fc795a1e8a04b798eb929d3a", catalogId: "silero-vad" };
    await writeManifest(vad, { id: "silero-vad", name: "Silero VAD", family: "vad", format: "onnx", files: [{ path: "onnx/model.onnx", size: 2_327_524 }, { path: "README.md", size: 10 }], source });
    const chat = path.join(rig.modelsDir, "tiny-chat");
    await mkdir(chat);
    await copyFile(STORIES_GGUF, path.join(chat, "stories.gguf"));
    await writeManifest(chat, { id: "tiny-chat", name: "Tiny chat", family: "llm", format: "gguf", entry: "stories.gguf", files: [{ path: "stories.gguf", size: 1_185_376 }] });

    const models = await rig.service().list();
    expect(models.map((m) => m.id).sort()).toEqual(["silero-vad", "tiny-chat"]); // the manifest's GGUF is not listed twice
    expect(models.find((m) => m.id === "silero-vad")).toMatchObject({ family: "vad", format: "onnx", path: vad, sizeBytes: 2_327_534, source, name: "Silero VAD" });
    expect(models.find((m) => m.id === "tiny-chat")).toMatchObject({ family: "llm", format: "gguf", path: path.join(chat, "stories.gguf"), architecture: "llama" });
    expect(await rig.service().installedSources()).toEqual([{ ...source, files: ["onnx/model.onnx", "README.md"] }]);
  });

  it("ignores downloads and imports in progress, hidden entries, broken manifests and links whose files are gone", async () => {
    for (const unfinished of ["next.installing", "other.importing", ".hidden"]) {
      await mkdir(path.join(rig.modelsDir, unfinished));
      await copyFile(STORIES_GGUF, path.join(rig.modelsDir, unfinished, "model.gguf"));
      await writeManifest(path.join(rig.modelsDir, unfinished), { id: "half", name: "Half", family: "llm", format: "gguf", files: [{ path: "model.gguf", size: 1 }] });
    }
    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "loose.gguf.part"));
    await writeManifest(path.join(rig.modelsDir, "broken"), { id: "Not An Id!", name: "x", family: "llm", format: "gguf", files: [] });
    await writeManifest(path.join(rig.modelsDir, "gone"), { id: "gone", name: "Gone", family: "vad", format: "onnx", files: [], root: path.join(rig.root, "moved-away") });

    expect(await rig.service().list()).toEqual([]);
    expect(rig.warnings.join("\n")).toMatch(/broken: its manifest\.json is invalid/);
    expect(rig.warnings.join("\n")).toMatch(/gone: its files are gone/);
  });

  it("finds models in extra folders and refuses to delete them (they are the user's)", async () => {
    const extra = path.join(rig.root, "my-models");
    await mkdir(extra);
    await copyFile(STORIES_GGUF, path.join(extra, "mine.gguf"));
    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "mine.gguf"));
    const logger: Logger = { log: () => undefined };
    const models = new ModelService(rig.modelsDir, createEventBus(logger), logger, () => [extra, "relative/ignored"]);
    const found = await models.list();
    expect(found.map((m) => [m.id, m.path])).toEqual([
      ["mine", path.join(rig.modelsDir, "mine.gguf")],
      ["mine-2", path.join(extra, "mine.gguf")],
    ]);
    expect(await errorCodeOf(models.delete("mine-2"))).toBe("UNSUPPORTED");
    expect((await stat(path.join(extra, "mine.gguf"))).isFile()).toBe(true);
    await models.delete("mine");
    expect((await models.list()).map((m) => m.id)).toEqual(["mine"]);
  });
});

describe("the models folders setting", () => {
  it("rescans when the folders change, and finds models there", async () => {
    const extra = path.join(rig.root, "library");
    await mkdir(extra);
    await copyFile(STORIES_GGUF, path.join(extra, "Bedtime.gguf"));
    const host: Host = await openTestHost(await tempDataDir());
    try {
      const events = new EventLog(host);
      expect(await invoke(host, "models.list", {})).toEqual([]);
      await invoke(host, "settings.update", { models: { folders: [extra] } });
      const changed = await events.waitFor("models.changed", (payload) => payload.models.length === 1);
      expect(changed.models[0]).toMatchObject({ id: "bedtime", path: path.join(extra, "Bedtime.gguf"), family: "llm" });
      expect((await invoke(host, "settings.get", {})).models.folders).toEqual([extra]);
    } finally {
      await host.dispose();
    }
  });
});
