import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..");
export const STORIES_MODEL = path.resolve(REPO_ROOT, "../shared/models/llm/stories260K.gguf");

/** Settings sections a test adds to the data dir's settings.json, e.g. `{ hub: { endpoint } }`. */
export type ExtraSettings = Record<string, Record<string, unknown>>;

/** A fresh data dir as a user would have it: stories260K dropped into models/, one generation thread. */
export async function createDataDir(extraSettings: ExtraSettings = {}): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "atelier-e2e-"));
  await mkdir(path.join(dir, "models"), { recursive: true });
  await copyFile(STORIES_MODEL, path.join(dir, "models", path.basename(STORIES_MODEL)));
  await writeFile(path.join(dir, "settings.json"), JSON.stringify({ ...extraSettings, llm: { threads: 1, ...extraSettings.llm } }));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
