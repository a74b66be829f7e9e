import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ModelInfo } from "../../shared/models";
import { resolveInside } from "../fs/inside";
import type { GgufSummary } from "./gguf-metadata";
import { MANIFEST_FILE, modelManifestSchema, type ModelManifest } from "./manifest";

export type ManifestRead =
  | { kind: "none" }
  | { kind: "invalid"; reason: string }
  | { kind: "ok"; manifest: ModelManifest };

/** Reads `<folder>/manifest.json`: absent, invalid (with why), or the validated manifest. */
export async function readManifest(folder: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(path.join(folder, MANIFEST_FILE), "utf8");
  } catch {
    return { kind: "none" };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "invalid", reason: `not JSON (${String(error)})` };
  }
  const parsed = modelManifestSchema.safeParse(value);
  if (!parsed.success) return { kind: "invalid", reason: parsed.error.issues[0]?.message ?? "invalid manifest" };
  return { kind: "ok", manifest: parsed.data };
}

/** The folder that holds a manifest model's files: the user's, for linked imports. */
export function manifestRoot(folder: string, manifest: ModelManifest): string {
  return manifest.root ?? folder;
}

/** The file a GGUF model loads: `entry`, or its only .gguf file. */
export function ggufEntry(manifest: ModelManifest): string | undefined {
  return manifest.entry ?? manifest.files.find((file) => file.path.toLowerCase().endsWith(".gguf"))?.path;
}

/**
 * A model as listed, from its manifest. Throws (with a reason to log) when its files
 * are gone, e.g. a linked import whose folder the user moved.
 */
export async function modelInfoFromManifest(
  folder: string,
  manifest: ModelManifest,
  summarize: (file: string) => Promise<GgufSummary>,
): Promise<Omit<ModelInfo, "id">> {
  const root = manifestRoot(folder, manifest);
  if (!path.isAbsolute(root)) throw new Error(`its root "${root}" is not an absolute path`);
  const rootInfo = await stat(root).catch(() => undefined);
  if (!rootInfo?.isDirectory()) throw new Error(`its files are gone (${root} is missing)`);
  const common = {
    name: manifest.name,
    family: manifest.family,
    format: manifest.format,
    sizeBytes: manifest.files.reduce((sum, file) => sum + file.size, 0),
    ...(manifest.source ? { source: manifest.source } : {}),
    ...(manifest.imported ? { imported: manifest.imported } : {}),
  };
  if (manifest.format === "onnx") return { ...common, path: root };
  const entry = ggufEntry(manifest);
  if (!entry) throw new Error("it names no .gguf file to load");
  const file = resolveInside(root, entry);
  return { ...common, path: file, ...(await summarize(file)) };
}
