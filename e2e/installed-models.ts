import { cp, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ModelFamily } from "../shared/families";
import { MANIFEST_FILE, type ModelManifest } from "../main/models/manifest";

/** A model folder to install into a test's data dir, as a finished download would leave it. */
export interface ExtraModel {
  id: string;
  name: string;
  family: ModelFamily;
  format: "gguf" | "onnx";
  /** The folder whose files are copied in (e.g. a generated fixture), or one model file (e.g. Silero VAD). */
  source: string;
  /** Where a single-file source goes inside the model folder; its own name by default. */
  fileName?: string;
}

async function listFiles(root: string, dir = root): Promise<ModelManifest["files"]> {
  const files: ModelManifest["files"] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, full)));
    else files.push({ path: path.relative(root, full).split(path.sep).join("/"), size: (await stat(full)).size });
  }
  return files;
}

/** Copies the model to `<data>/models/<id>/` and writes its manifest last, as the installer does. */
export async function installModel(dataDir: string, model: ExtraModel): Promise<void> {
  const folder = path.join(dataDir, "models", model.id);
  const single = (await stat(model.source)).isFile();
  const target = single ? path.join(folder, model.fileName ?? path.basename(model.source)) : folder;
  await cp(model.source, target, { recursive: true });
  const manifest: ModelManifest = {
    version: 1,
    id: model.id,
    name: model.name,
    family: model.family,
    format: model.format,
    files: await listFiles(folder),
    installedAt: Date.now(),
  };
  await writeFile(path.join(folder, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
}
