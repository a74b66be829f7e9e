import { copyFile, mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { createEventBus } from "../events/bus";
import type { Logger } from "../log/types";
import { ModelService } from "./model-service";

const STORIES = path.resolve("../shared/models/llm/stories260K.gguf");
const TINY_RANDOM = path.resolve("../shared/models/llm/llama-2-tiny-random.gguf");

let root: string;
let modelsDir: string;
let warnings: string[];
let changes: number;

function service(): ModelService {
  const logger: Logger = { log: (level, _scope, message) => level === "warn" && warnings.push(message) };
  const events = createEventBus(logger);
  events.subscribe((event, _payload) => void (event === "models.changed" && changes++));
  return new ModelService(modelsDir, events, logger);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "atelier-models-"));
  modelsDir = path.join(root, "models");
  await mkdir(modelsDir);
  warnings = [];
  changes = 0;
});

describe("model discovery", () => {
  it("lists GGUF files at the top level, one folder down and through symlinks, with their metadata", async () => {
    await copyFile(STORIES, path.join(modelsDir, "stories260K.gguf"));
    await mkdir(path.join(modelsDir, "tiny"));
    await copyFile(TINY_RANDOM, path.join(modelsDir, "tiny", "llama-2-tiny-random.gguf"));
    await symlink(STORIES, path.join(modelsDir, "Linked Stories.gguf"));
    await mkdir(path.join(modelsDir, "a", "b"), { recursive: true });
    await copyFile(STORIES, path.join(modelsDir, "a", "b", "too-deep.gguf"));
    await writeFile(path.join(modelsDir, "notes.txt"), "not a model");

    const models = await service().list();
    expect(models.map((m) => m.id).sort()).toEqual(["linked-stories", "llama-2-tiny-random", "stories260k"]);
    const stories = models.find((m) => m.id === "stories260k");
    expect(stories).toMatchObject({
      name: "stories260K",
      family: "llm",
      format: "gguf",
      architecture: "llama",
      contextLength: 2048,
      hasChatTemplate: false,
      sizeBytes: (await stat(STORIES)).size,
      path: path.join(modelsDir, "stories260K.gguf"),
    });
  });

  it("skips a file whose header cannot be read, and says why in the log", async () => {
    const bytes = await readFile(STORIES);
    await writeFile(path.join(modelsDir, "broken.gguf"), bytes.subarray(0, 5000));
    await writeFile(path.join(modelsDir, "empty.gguf"), "");
    expect(await service().list()).toEqual([]);
    expect(warnings.join("\n")).toMatch(/broken\.gguf/);
    expect(warnings.join("\n")).toMatch(/empty\.gguf/);
  });

  it("gives files with the same name different ids", async () => {
    await copyFile(STORIES, path.join(modelsDir, "model.gguf"));
    await mkdir(path.join(modelsDir, "other"));
    await copyFile(STORIES, path.join(modelsDir, "other", "model.gguf"));
    expect((await service().list()).map((m) => m.id).sort()).toEqual(["model", "model-2"]);
  });

  it("finds a file dropped in after the first scan, and answers NOT_FOUND for unknown ids", async () => {
    const models = service();
    expect(await models.list()).toEqual([]);
    await copyFile(STORIES, path.join(modelsDir, "later.gguf"));
    expect((await models.get("later")).architecture).toBe("llama");
    expect(changes).toBe(1);
    expect(await codeOf(models.get("missing"))).toBe("NOT_FOUND");
  });

  it("deletes a model file (a link, never its target) and its emptied folder; refuses bad ids", async () => {
    await mkdir(path.join(modelsDir, "folder"));
    await copyFile(STORIES, path.join(modelsDir, "folder", "in-folder.gguf"));
    await symlink(STORIES, path.join(modelsDir, "link.gguf"));
    const models = service();
    await models.delete("in-folder");
    await models.delete("link");
    expect(await readdir(modelsDir)).toEqual([]);
    expect((await stat(STORIES)).isFile()).toBe(true);
    expect(await codeOf(models.delete("../stories260k"))).toBe("INVALID_INPUT");
    expect(await codeOf(models.delete("in-folder"))).toBe("NOT_FOUND");
    expect(await models.list()).toEqual([]);
  });
});
