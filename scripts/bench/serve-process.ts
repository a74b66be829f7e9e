import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startServeChild } from "../testing/serve-child";

export interface ServeProcess {
  url: URL;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `out/main/serve.js` on a temp data dir holding the given models, as a user would; it dies with the benchmark. */
export async function startServeProcess(models: string[], settings: unknown): Promise<ServeProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-"));
  await mkdir(path.join(dataDir, "models"), { recursive: true });
  for (const model of models) await copyFile(model, path.join(dataDir, "models", path.basename(model)));
  await writeFile(path.join(dataDir, "settings.json"), JSON.stringify(settings));
  const serve = await startServeChild({ dataDir, stderr: "inherit" }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: serve.url,
    dataDir,
    async stop() {
      await serve.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
