import { copyFile, mkdir, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { errorCodeOf, STORIES_GGUF } from "../host-test-kit";
import { openModelFolder, type ModelFolderRig } from "./model-test-kit";

const TINY_RANDOM = path.resolve("../shared/models/llm/llama-2-tiny-random.gguf");

let rig: ModelFolderRig;

beforeEach(async () => {
  rig = await openModelFolder("atelier-models-");
});

describe("model discovery", () => {
  it("lists GGUF files at the top level, one folder down and through symlinks, with their metadata", async () => {
    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "stories260K.gguf"));
    await mkdir(path.join(rig.modelsDir, "tiny"));
    await copyFile(TINY_RANDOM, path.join(rig.modelsDir, "tiny", "llama-2-tiny-random.gguf"));
    await symlink(STORIES_GGUF, path.join(rig.modelsDir, "Linked Stories.gguf"));
    await mkdir(path.join(rig.modelsDir, "a", "b"), { recursive: true });
    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "a", "b", "too-deep.gguf"));
    await writeFile(path.join(rig.modelsDir, "notes.txt"), "not a model");

    const models = await rig.service().list();
    expect(models.map((m) => m.id).sort()).toEqual(["linked-stories", "llama-2-tiny-random", "stories260k"]);
    const stories = models.find((m) => m.id === "stories260k");
    expect(stories).toMatchObject({
      name: "stories260K",
      family: "llm",
      format: "gguf",
      architecture: "llama",
      contextLength: 2048,
      hasChatTemplate: false,
      sizeBytes: (await stat(STORIES_GGUF)).size,
      path: path.join(rig.modelsDir, "stories260K.gguf"),
    });
  });

  it("skips a file whose header cannot be read, and says why in the log", async () => {
    const bytes = await readFile(STORIES_GGUF);
    await writeFile(path.join(rig.modelsDir, "broken.gguf"), bytes.subarray(0, 5000));
    await writeFile(path.join(rig.modelsDir, "empty.gguf"), "");
    expect(await rig.service().list()).toEqual([]);
    expect(rig.warnings.join("\n")).toMatch(/broken\.gguf/);
    expect(rig.warnings.join("\n")).toMatch(/empty\.gguf/);
  });

  it("gives files with the same name different ids", async () => {
    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "model.gguf"));
    await mkdir(path.join(rig.modelsDir, "other"));
    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "other", "model.gguf"));
    expect((await rig.service().list()).map((m) => m.id).sort()).toEqual(["model", "model-2"]);
  });

  it("finds a file dropped in after the first scan, and answers NOT_FOUND for unknown ids", async () => {
    const models = rig.service();
    expect(await models.list()).toEqual([]);
    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "later.gguf"));
    expect((await models.get("later")).architecture).toBe("llama");
    expect(rig.changes).toBe(1);
    expect(await errorCodeOf(models.get("missing"))).toBe("NOT_FOUND");
  });

  it("deletes a model file (a link, never its target) and its emptied folder; refuses bad ids", async () => {
    await mkdir(path.join(rig.modelsDir, "folder"));
    await copyFile(STORIES_GGUF, path.join(rig.modelsDir, "folder", "in-folder.gguf"));
    await symlink(STORIES_GGUF, path.join(rig.modelsDir, "link.gguf"));
    const models = rig.service();
    await models.delete("in-folder");
    await models.delete("link");
    expect(await readdir(rig.modelsDir)).toEqual([]);
    expect((await stat(STORIES_GGUF)).isFile()).toBe(true);
    expect(await errorCodeOf(models.delete("../stories260k"))).toBe("INVALID_INPUT");
    expect(await errorCodeOf(models.delete("in-folder"))).toBe("NOT_FOUND");
    expect(await models.list()).toEqual([]);
  });
});
