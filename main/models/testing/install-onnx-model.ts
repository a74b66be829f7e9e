import { cp, readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ModelFamily } from "../../../shared/families";
import { writeJsonAtomic } from "../../fs/atomic-json";
import { MANIFEST_FILE, modelManifestSchema } from "../manifest";

async function listFiles(root: string, prefix = ""): Promise<{ path: string; size: number }[]> {
  const files: { path: string; size: number }[] = [];
  for (const entry of await readdir(path.join(root, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)));
    else files.push({ path: relative, size: (await stat(path.join(root, relative))).size });
  }
  return files;
}

/**
 * Test support: installs an ONNX model (a folder, or one file) as a download would: files in
 * `<data>/models/<id>/`, manifest.json last. The name defaults to the id.
 */
export async function installOnnxModel(dataDir: string, source: string, model: { id: string; name?: string; family: ModelFamily }): Promise<string> {
  const folder = path.join(dataDir, "models", model.id);
  const isFile = (await stat(source)).isFile();
  await cp(source, isFile ? path.join(folder, path.basename(source)) : folder, { recursive: true });
  const manifest = modelManifestSchema.parse({
    version: 1,
    name: model.id,
    ...model,
    format: "onnx",
    files: (await listFiles(folder)).filter((file) => file.path !== MANIFEST_FILE),
    installedAt: Date.now(),
  });
  await writeJsonAtomic(path.join(folder, MANIFEST_FILE), manifest);
  return folder;
}
