import { spawn, type ChildProcess } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const SERVING_LINE = /Atelier is serving at (http:\/\/\S+)/;

export interface ServeProcess {
  url: URL;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `out/main/serve.js` on a temp data dir holding the given models, as a user would. */
export async function startServeProcess(models: string[], settings: unknown): Promise<ServeProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-"));
  await mkdir(path.join(dataDir, "models"), { recursive: true });
  for (const model of models) await copyFile(model, path.join(dataDir, "models", path.basename(model)));
  await writeFile(path.join(dataDir, "settings.json"), JSON.stringify(settings));
  const child = spawn(process.execPath, ["out/main/serve.js", "--port", "0", "--data-dir", dataDir], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await readServingUrl(child);
  return {
    url,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function readServingUrl(child: ChildProcess): Promise<URL> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = SERVING_LINE.exec(output);
      if (match?.[1]) resolve(new URL(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code} before it was ready:\n${output}`)));
  });
}
