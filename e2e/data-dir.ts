import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..");
export const STORIES_MODEL = path.resolve(REPO_ROOT, "../shared/models/llm/stories260K.gguf");

/** A fresh data dir as a user would have it: stories260K dropped into models/, one generation thread. */
export async function createDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "atelier-e2e-"));
  await mkdir(path.join(dir, "models"), { recursive: true });
  await copyFile(STORIES_MODEL, path.join(dir, "models", path.basename(STORIES_MODEL)));
  await writeFile(path.join(dir, "settings.json"), JSON.stringify({ llm: { threads: 1 } }));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
