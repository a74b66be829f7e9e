import { copyFile, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import type { Host } from "../host";
import { errorCodeOf, invoke, openTestHost, STORIES_GGUF, tempDataDir } from "../host-test-kit";
import { modelManifestSchema } from "./manifest";

const SILERO = path.resolve("../shared/models/vad/silero_vad.onnx");

let dataDir: string;
let modelsDir: string;
let userDir: string;
let host: Host;

beforeEach(async () => {
  dataDir = await tempDataDir();
  modelsDir = path.join(dataDir, "models");
  userDir = await mkdtemp(path.join(tmpdir(), "atelier-user-"));
  host = await openTestHost(dataDir);
});

afterEach(async () => {
  await host.dispose();
});

async function manifestOf(id: string) {
  return modelManifestSchema.parse(JSON.parse(await readFile(path.join(modelsDir, id, "manifest.json"), "utf8")));
}

async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  return error instanceof AppError ? `${error.code}: ${error.message}` : `not an AppError: ${String(error)}`;
}

describe("models.import through the real host", () => {
  it("copies a GGUF after reading it: manifest written last, nothing half-done left, found again after a restart", async () => {
    const source = path.join(userDir, "My Stories.gguf");
    await copyFile(STORIES_GGUF, source);
    const model = await invoke(host, "models.import", { path: source, mode: "copy" });
    expect(model).toMatchObject({ family: "llm", format: "gguf", imported: "copy", architecture: "llama", sizeBytes: (await stat(STORIES_GGUF)).size });
    expect(model.path).toBe(path.join(modelsDir, model.id, "My Stories.gguf"));
    expect(await readdir(modelsDir)).toEqual([model.id]);
    const manifest = await manifestOf(model.id);
    expect(manifest).toMatchObject({ id: model.id, entry: "My Stories.gguf", imported: "copy", files: [{ path: "My Stories.gguf" }] });
    expect(manifest.root).toBeUndefined();
    expect((await stat(source)).isFile()).toBe(true);

    await host.dispose();
    host = await openTestHost(dataDir);
    expect((await invoke(host, "models.list", {})).map((m) => m.id)).toEqual([model.id]);
  });

  it("links a GGUF: only the manifest is written, and deleting it keeps the user's file", async () => {
    const source = path.join(userDir, "stories.gguf");
    await copyFile(STORIES_GGUF, source);
    const model = await invoke(host, "models.import", { path: source, mode: "link", name: "Linked stories" });
    expect(model).toMatchObject({ id: "linked-stories", name: "Linked stories", imported: "link", path: source });
    expect(await readdir(path.join(modelsDir, model.id))).toEqual(["manifest.json"]);
    expect((await manifestOf(model.id)).root).toBe(userDir);

    await invoke(host, "models.delete", { id: model.id });
    expect(await readdir(modelsDir)).toEqual([]);
    expect((await stat(source)).size).toBe((await stat(STORIES_GGUF)).size);
    expect(await invoke(host, "models.list", {})).toEqual([]);
  });

  it("imports an ONNX folder by copy and by link, opening every graph and guessing the family", async () => {
    const folder = path.join(userDir, "silero");
    await mkdir(path.join(folder, "extra"), { recursive: true });
    await copyFile(SILERO, path.join(folder, "silero_vad.onnx"));
    await writeFile(path.join(folder, "extra", "README.txt"), "Silero VAD v5");
    const copied = await invoke(host, "models.import", { path: folder, mode: "copy" });
    expect(copied).toMatchObject({ id: "silero", family: "vad", format: "onnx", imported: "copy", path: path.join(modelsDir, "silero") });
    expect(copied.sizeBytes).toBe((await stat(SILERO)).size + "Silero VAD v5".length);
    expect((await readdir(path.join(modelsDir, "silero"))).sort()).toEqual(["extra", "manifest.json", "silero_vad.onnx"]);

    const linked = await invoke(host, "models.import", { path: folder, mode: "link", family: "vad" });
    expect(linked).toMatchObject({ id: "silero-2", family: "vad", imported: "link", path: folder });
    await invoke(host, "models.delete", { id: linked.id });
    expect((await readdir(folder)).sort()).toEqual(["extra", "silero_vad.onnx"]);
    expect((await invoke(host, "models.list", {})).map((m) => m.id)).toEqual(["silero"]);
  });

  it("refuses a corrupt GGUF, a non-ONNX .onnx and bad paths with clear errors, leaving nothing behind", async () => {
    const corrupt = path.join(userDir, "broken.gguf");
    await writeFile(corrupt, (await readFile(STORIES_GGUF)).subarray(0, 5000));
    expect(await messageOf(invoke(host, "models.import", { path: corrupt, mode: "copy" }))).toMatch(/^MODEL_LOAD_FAILED: .*broken\.gguf/);

    const fakeFolder = path.join(userDir, "fake");
    await mkdir(fakeFolder);
    await writeFile(path.join(fakeFolder, "model.onnx"), "<html>not a model</html>");
    expect(await messageOf(invoke(host, "models.import", { path: fakeFolder, mode: "link" }))).toMatch(/^MODEL_LOAD_FAILED: "model\.onnx" is not a usable ONNX model/);

    const empty = path.join(userDir, "empty");
    await mkdir(empty);
    const notes = path.join(userDir, "notes.txt");
    await writeFile(notes, "hello");
    expect(await errorCodeOf(invoke(host, "models.import", { path: empty, mode: "copy" }))).toBe("UNSUPPORTED");
    expect(await errorCodeOf(invoke(host, "models.import", { path: notes, mode: "copy" }))).toBe("UNSUPPORTED");
    expect(await errorCodeOf(invoke(host, "models.import", { path: "relative/model.gguf", mode: "copy" }))).toBe("INVALID_INPUT");
    expect(await errorCodeOf(invoke(host, "models.import", { path: path.join(userDir, "missing.gguf"), mode: "copy" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(invoke(host, "models.import", { path: STORIES_GGUF, mode: "copy", family: "tts" }))).toBe("INVALID_INPUT");
    expect(await readdir(modelsDir)).toEqual([]);
  });
});
