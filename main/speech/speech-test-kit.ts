import { cp, mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ModelFamily } from "../../shared/families";
import { writeJsonAtomic } from "../fs/atomic-json";
import { MANIFEST_FILE, type ModelManifest } from "../models/manifest";

/** Test support: installs models the way a download does — files, then manifest.json last. */

export const SILERO_ONNX = path.resolve("../shared/models/vad/silero_vad.onnx");
export const JFK_WAV = path.resolve("../shared/models/audio/jfk.wav");

async function listFiles(root: string, prefix = ""): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else files.push(relative);
  }
  return files;
}

/** Copies a folder (or one file) into `<data>/models/<id>/` and writes its manifest. */
export async function installOnnxModel(dataDir: string, id: string, family: ModelFamily, source: string): Promise<string> {
  const folder = path.join(dataDir, "models", id);
  await mkdir(folder, { recursive: true });
  const isFile = (await stat(source)).isFile();
  await cp(source, isFile ? path.join(folder, path.basename(source)) : folder, { recursive: true });
  const names = (await listFiles(folder)).filter((name) => name !== MANIFEST_FILE);
  const files = await Promise.all(names.map(async (name) => ({ path: name, size: (await stat(path.join(folder, name))).size })));
  const manifest: ModelManifest = { version: 1, id, name: id, family, format: "onnx", files, installedAt: Date.now() };
  await writeJsonAtomic(path.join(folder, MANIFEST_FILE), manifest);
  return folder;
}

export async function fileDataUrl(file: string, mimeType: string): Promise<string> {
  return `data:${mimeType};base64,${(await readFile(file)).toString("base64")}`;
}
